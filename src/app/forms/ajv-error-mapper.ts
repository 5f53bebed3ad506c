import type { ErrorObject } from 'ajv';
import type { FormErrorCode, FormFieldError } from './form-errors.js';
import { messagesVi } from './messages.vi.js';

type Params = Record<string, unknown>;
type Mapping = (params: Params) => { code: FormErrorCode; message: string };

function typeMessage(params: Params): { code: FormErrorCode; message: string } {
  const expected = String(params.type).split(',');
  const message = expected.includes('integer')
    ? messagesVi.integer
    : expected.includes('number')
      ? messagesVi.notNumber
      : expected.includes('boolean')
        ? messagesVi.boolean
        : expected.includes('array')
          ? messagesVi.list
          : expected.includes('object')
            ? messagesVi.object
            : expected.includes('string') && expected.length <= 2
              ? messagesVi.text
              : messagesVi.invalid;
  return { code: 'FORM_TYPE', message };
}

const byRule: Record<string, Mapping> = {
  min: (p) => ({ code: 'FORM_MIN', message: messagesVi.min(p.limit) }),
  max: (p) => ({ code: 'FORM_MAX', message: messagesVi.max(p.limit) }),
  minLength: (p) => ({ code: 'FORM_MIN_LENGTH', message: messagesVi.minLength(p.limit) }),
  maxLength: (p) => ({ code: 'FORM_MAX_LENGTH', message: messagesVi.maxLength(p.limit) }),
  decimalDigits: (p) => ({ code: 'FORM_DECIMALS', message: messagesVi.decimalDigits(p.limit) }),
  increment: (p) => ({ code: 'FORM_INCREMENT', message: messagesVi.increment(p.previous, p.next) }),
  numeric: () => ({ code: 'FORM_TYPE', message: messagesVi.notNumber }),
};
const byRuleParam: Mapping = (p) =>
  (byRule[String(p.rule)] ?? (() => ({ code: 'FORM_TYPE', message: messagesVi.invalid })))(p);

/** One entry per ajv keyword our compiled schemas use; ajv's English never reaches the user. */
const byKeyword: Record<string, Mapping> = {
  required: () => ({ code: 'FORM_REQUIRED', message: messagesVi.required }),
  formRequired: () => ({ code: 'FORM_REQUIRED', message: messagesVi.required }),
  additionalProperties: () => ({ code: 'FORM_UNKNOWN_FIELD', message: messagesVi.unknownField }),
  type: typeMessage,
  enum: () => ({ code: 'FORM_NOT_ALLOWED_VALUE', message: messagesVi.notAllowed }),
  // Only for the items of a checklist or taglist that has no options at all.
  not: () => ({ code: 'FORM_NOT_ALLOWED_VALUE', message: messagesVi.notAllowed }),
  uniqueItems: () => ({ code: 'FORM_DUPLICATE_VALUE', message: messagesVi.duplicate }),
  minItems: (p) => ({ code: 'FORM_MIN_ITEMS', message: messagesVi.minItems(p.limit) }),
  maxItems: (p) => ({ code: 'FORM_MAX_ITEMS', message: messagesVi.maxItems(p.limit) }),
  formLength: byRuleParam,
  formNumber: byRuleParam,
  formNumericString: byRuleParam,
  formPattern: (p) => ({
    code: 'FORM_PATTERN',
    message: typeof p.message === 'string' && p.message.trim() !== '' ? p.message : messagesVi.pattern(),
  }),
  formValidationType: (p) =>
    p.validationType === 'phone'
      ? { code: 'FORM_PHONE', message: messagesVi.phone }
      : { code: 'FORM_EMAIL', message: messagesVi.email },
  formDate: (p) => ({
    code: 'FORM_DATE',
    message:
      p.subtype === 'time'
        ? messagesVi.time
        : p.subtype === 'datetime'
          ? messagesVi.datetime
          : messagesVi.date,
  }),
};

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The key path an ajv error is about: for `required` and `additionalProperties`, the property it names. */
export function fieldOfAjvError(error: ErrorObject): string {
  const segments = pointerSegments(error.instancePath);
  const params = error.params as Params;
  if (error.keyword === 'required') segments.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
  return segments.join('.');
}

export function mapAjvError(error: ErrorObject): FormFieldError {
  const mapping = byKeyword[error.keyword];
  const mapped = mapping
    ? mapping(error.params as Params)
    : { code: 'FORM_TYPE' as const, message: messagesVi.invalid };
  return { field: fieldOfAjvError(error), ...mapped };
}
