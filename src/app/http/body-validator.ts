import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { badRequest, type FieldError } from '../../lib/errors.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function fieldOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}`;
  if (error.keyword === 'required')
    return `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}`;
  return error.instancePath || '/';
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `Trường "${String(params.additionalProperty)}" không được phép.`;
    case 'required':
      return 'Trường bắt buộc.';
    case 'type':
      return `Sai kiểu dữ liệu (cần ${String(params.type)}).`;
    case 'minLength':
      return `Cần ít nhất ${String(params.limit)} ký tự.`;
    case 'maxLength':
      return `Tối đa ${String(params.limit)} ký tự.`;
    case 'pattern':
      return 'Không đúng định dạng.';
    case 'format':
      return `Không đúng định dạng ${String(params.format)}.`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'Giá trị không thuộc danh sách cho phép.';
    case 'minimum':
    case 'maximum':
      return `Giá trị vượt giới hạn (${String(params.comparison)} ${String(params.limit)}).`;
    case 'minItems':
      return `Cần ít nhất ${String(params.limit)} phần tử.`;
    case 'maxItems':
      return `Tối đa ${String(params.limit)} phần tử.`;
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** Compiles each request schema once and turns ajv errors into a 400 naming every bad field in Vietnamese. */
export class BodyValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false });
  private readonly compiled = new WeakMap<TSchema, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  validate<T>(schema: TSchema, body: unknown): T {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (validate(body)) return body as T;
    const errors: FieldError[] = (validate.errors ?? [])
      .filter((error) => error.keyword !== 'if')
      .map((error) => ({ field: fieldOf(error), message: messageOf(error) }));
    throw badRequest('validation_failed', 'Dữ liệu gửi lên không hợp lệ.', errors);
  }
}
