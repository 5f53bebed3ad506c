import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { HttpProblem } from './problem-detail.js';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

function describe(error: ErrorObject): string {
  const where = error.instancePath || 'body';
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property '${String(error.params.additionalProperty)}'`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/** Compiles a route's schema once; the returned check throws a 400 naming each offending field. */
export function bodyValidator(schema: TSchema): (body: unknown) => void {
  const validate: ValidateFunction = ajv.compile(schema);
  return (body) => {
    if (validate(body)) return;
    const details = [...new Set((validate.errors ?? []).map(describe))].slice(0, 10).join('; ');
    throw new HttpProblem(400, 'INVALID_ARGUMENT', `Invalid request body: ${details}`);
  };
}
