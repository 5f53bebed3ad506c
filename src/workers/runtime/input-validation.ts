import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

function variableOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return path ? `${path}.${missing}` : missing;
  }
  return path || '(biến)';
}

function describe(error: ErrorObject): string {
  const variable = variableOf(error);
  if (error.keyword === 'required') return `thiếu biến "${variable}"`;
  if (error.keyword === 'type')
    return `biến "${variable}" sai kiểu (cần ${String((error.params as { type: string }).type)})`;
  return `biến "${variable}" không hợp lệ: ${error.message ?? error.keyword}`;
}

/** Checks a job's variables against its worker's schema; returns a message naming every bad variable, or null. */
export function inputChecker(schema: TSchema): (variables: unknown) => string | null {
  const validate: ValidateFunction = ajv.compile(schema);
  return (variables) => {
    if (validate(variables)) return null;
    const problems = [...new Set((validate.errors ?? []).map(describe))];
    return problems.join('; ');
  };
}
