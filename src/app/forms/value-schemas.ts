import { isDeepStrictEqual } from 'node:util';
import { isPlainObject } from './value-path.js';
import type { FormComponent } from './form-schema.types.js';
import type { JsonSchema } from './json-schema.types.js';

/** form-js lets min, max, minLength and maxLength be FEEL ("=…"): those are checked per submission instead. */
export function isFeelExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

function staticNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (
    typeof value === 'string' &&
    !value.startsWith('=') &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return Number(value);
  }
  return undefined;
}

function withDefined(entries: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Static option values of a select, radio, checklist or taglist; undefined when they come from data or FEEL. */
export function staticOptionValues(component: FormComponent): unknown[] | undefined {
  if (component.valuesKey || component.valuesExpression) return undefined;
  const values: unknown[] = [];
  // Once each: ajv refuses an enum with repeated items, form-js does not mind two options with one value.
  for (const option of Array.isArray(component.values) ? component.values : []) {
    const value = isPlainObject(option) && 'value' in option ? option.value : undefined;
    if (value !== undefined && !values.some((known) => isDeepStrictEqual(known, value))) values.push(value);
  }
  return values;
}

export function textSchema(component: FormComponent, problems: string[]): JsonSchema {
  const validate = component.validate ?? {};
  const schema: JsonSchema = { type: ['string', 'null'] };
  const length = withDefined({
    min: staticNumber(validate.minLength),
    max: staticNumber(validate.maxLength),
  });
  if (length) schema.formLength = length;
  if (validate.pattern) {
    try {
      new RegExp(validate.pattern);
      schema.formPattern = validate.patternErrorMessage
        ? { pattern: validate.pattern, message: validate.patternErrorMessage }
        : { pattern: validate.pattern };
    } catch {
      problems.push(`mẫu (pattern) không hợp lệ: ${validate.pattern}`);
    }
  }
  if (validate.validationType === 'email' || validate.validationType === 'phone') {
    schema.formValidationType = validate.validationType;
  }
  return schema;
}

export function numberSchema(component: FormComponent): JsonSchema {
  const validate = component.validate ?? {};
  // decimalDigits 0 (an integer) is a rule of the field, as in form-js (FORM_DECIMALS), not a JSON type.
  const schema: JsonSchema = component.serializeToString
    ? { type: ['string', 'null'], formNumericString: true }
    : { type: ['number', 'null'] };
  const rules = withDefined({
    min: staticNumber(validate.min),
    max: staticNumber(validate.max),
    decimalDigits: typeof component.decimalDigits === 'number' ? component.decimalDigits : undefined,
    increment: staticNumber(component.increment),
  });
  if (rules) schema.formNumber = rules;
  return schema;
}

export function datetimeSchema(component: FormComponent): JsonSchema {
  return { type: ['string', 'null'], formDate: component.subtype ?? 'date' };
}

export function choiceSchema(component: FormComponent): JsonSchema {
  // null and '' mean nothing chosen (form-js sends null; a cleared control may send ''); `required` refuses both.
  const values = staticOptionValues(component);
  return values ? { enum: [...values, null, ''] } : { type: ['string', 'number', 'boolean', 'null'] };
}

export function multiChoiceSchema(component: FormComponent): JsonSchema {
  const values = staticOptionValues(component);
  return {
    type: ['array', 'null'],
    uniqueItems: true,
    // No options at all (none written, or an empty list): form-js shows none, so no value can be chosen.
    items: !values
      ? { type: ['string', 'number', 'boolean'] }
      : values.length > 0
        ? { enum: values }
        : { not: {} },
  };
}

export function checkboxSchema(): JsonSchema {
  return { type: ['boolean', 'null'] };
}

/** The most files one file picker may hold. */
export const MAX_FILES_PER_FIELD = 20;

/**
 * A file picker holds, in form-js, a reference string ("files::…") to files its page has; the browser app uploads
 * them first (POST /api/inbox/tasks/:key/attachments) and submits the stored files' references instead. Which
 * references are acceptable (uploaded by the submitter for this task) is the attachments module's check, after this.
 */
export function fileSchema(): JsonSchema {
  return {
    type: ['string', 'null', 'array'],
    maxItems: MAX_FILES_PER_FIELD,
    items: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[0-9a-f]{24}$' },
        name: { type: 'string', maxLength: 255 },
        contentType: { type: 'string', maxLength: 255 },
        size: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
  };
}
