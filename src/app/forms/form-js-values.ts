import { isDeepStrictEqual } from 'node:util';
import { isValidFormDate } from './date-rules.js';
import type { FormComponent } from './form-schema.types.js';
import { staticOptionValues } from './value-schemas.js';
import { getAt, isPlainObject, splitKey } from './value-path.js';

/**
 * The values form-js 1.23 holds for a field, so that the server evaluates FEEL over the data the browser would have:
 * the value a field starts at when the data has none (`emptyValue` of each field type), and what form-js makes of
 * an imported value that does not fit the field (its `sanitizeValue`).
 */
export function emptyValueOf(component: FormComponent): unknown {
  switch (component.type) {
    case 'checkbox':
      return false;
    case 'checklist':
    case 'taglist':
      return [];
    case 'textfield':
    case 'textarea':
      return '';
    default:
      return null;
  }
}

/** What form-js starts a field at when the data has no value for it: its defaultValue, else its empty value. */
export function initialValueOf(component: FormComponent): unknown {
  return component.defaultValue !== undefined ? component.defaultValue : emptyValueOf(component);
}

/** The option values form-js checks an imported value against; undefined when it does not (valuesExpression). */
function knownOptions(component: FormComponent, context: Record<string, unknown>): unknown[] | undefined {
  if (component.valuesExpression) return undefined;
  if (component.valuesKey) {
    const found = getAt(context, splitKey(component.valuesKey));
    return Array.isArray(found)
      ? found.map((option) => (isPlainObject(option) && 'value' in option ? option.value : option))
      : [];
  }
  return staticOptionValues(component) ?? [];
}

const NUMBER_LIKE = (value: unknown): boolean =>
  (typeof value === 'number' || typeof value === 'string') && value !== '' && !Number.isNaN(Number(value));

/** form-js's sanitizeValue of each field type, applied to a value it imports. */
export function sanitizeLikeFormJs(
  component: FormComponent,
  value: unknown,
  context: Record<string, unknown>,
): unknown {
  switch (component.type) {
    case 'checkbox':
      return value === true;
    case 'textfield':
      if (Array.isArray(value) || isPlainObject(value) || value === null || value === undefined) return '';
      return typeof value === 'string' ? value.replace(/[\r\n\t]/g, ' ') : String(value);
    case 'textarea':
      return Array.isArray(value) || isPlainObject(value) || value === null || value === undefined
        ? ''
        : String(value);
    case 'number':
      if (!NUMBER_LIKE(value)) return null;
      return component.serializeToString ? String(value) : Number(value);
    case 'datetime':
      return typeof value === 'string' && isValidFormDate(component.subtype ?? 'date', value) ? value : null;
    case 'select':
    case 'radio': {
      const options = knownOptions(component, context);
      if (!options) return value;
      return options.some((option) => isDeepStrictEqual(option, value)) ? value : null;
    }
    case 'checklist':
    case 'taglist': {
      if (!Array.isArray(value)) return [];
      const options = knownOptions(component, context);
      if (!options) return value;
      return value.filter((item) => options.some((option) => isDeepStrictEqual(option, item)));
    }
    default:
      return value;
  }
}
