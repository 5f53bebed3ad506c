import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { DocumentDataError, type DocumentDataProblem } from './document-errors.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, allowUnionTypes: true }));
const compiled = new WeakMap<TSchema, ValidateFunction>();

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Thiếu dữ liệu bắt buộc.';
    case 'minLength':
    case 'pattern':
      return 'Không được để trống.';
    case 'minItems':
      return `Cần ít nhất ${String(params.limit)} mục.`;
    case 'format':
      return 'Ngày không hợp lệ.';
    case 'minimum':
      return `Phải lớn hơn hoặc bằng ${String(params.limit)}.`;
    case 'maximum':
      return `Phải nhỏ hơn hoặc bằng ${String(params.limit)}.`;
    case 'additionalProperties':
      return `Trường "${String(params.additionalProperty)}" không được dùng.`;
    case 'enum':
    case 'const':
      return 'Giá trị không nằm trong danh sách cho phép.';
    default:
      return 'Sai kiểu hoặc giá trị không hợp lệ.';
  }
}

function fieldOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const base = error.instancePath.replace(/^\//, '');
  return error.keyword === 'required'
    ? [base, String(params.missingProperty)].filter(Boolean).join('/')
    : base;
}

/** Checks document data against its schema; refuses it with a DocumentDataError listing every problem. */
export function checkDocumentData<T extends TSchema>(
  documentType: string,
  schema: T,
  data: unknown,
): Static<T> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(data)) return data as Static<T>;
  const seen = new Set<string>();
  const problems: DocumentDataProblem[] = [];
  // A union (the signature's authority) reports one failure per branch: keep the first message per field.
  for (const error of validate.errors ?? []) {
    const field = fieldOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: messageOf(error) });
  }
  throw new DocumentDataError(documentType, problems);
}
