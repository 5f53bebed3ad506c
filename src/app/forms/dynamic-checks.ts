import { isDeepStrictEqual } from 'node:util';
import { runExpression, stripFeelMarker, type ScopeInfo } from './feel-evaluator.js';
import type { FeelRule } from './field-tree.js';
import type { FormFieldError } from './form-errors.js';
import type { FormComponent } from './form-schema.types.js';
import { messagesVi } from './messages.vi.js';
import { isNumericString } from './number-rules.js';
import { textLength } from './form-keywords.js';
import { getAt, isPlainObject, splitKey } from './value-path.js';

type Issue = Omit<FormFieldError, 'field'>;

/** form-js accepts options as {label, value} objects or as bare values. */
function optionValues(source: unknown): unknown[] | undefined {
  if (!Array.isArray(source)) return undefined;
  return source.map((option) => (isPlainObject(option) && 'value' in option ? option.value : option));
}

/**
 * Options that come from the task's variables (`valuesKey`) or from FEEL (`valuesExpression`), checked per
 * submission. `valuesKey` is read from the context only: the submitter must not supply their own option list.
 */
export function checkOptions(
  component: FormComponent,
  value: unknown,
  context: Record<string, unknown>,
  scope: ScopeInfo,
): Issue[] {
  let options: unknown[] | undefined;
  let source: string;
  if (component.valuesKey) {
    source = `valuesKey "${component.valuesKey}"`;
    const found = getAt(context, splitKey(component.valuesKey));
    options = found === undefined || found === null ? [] : optionValues(found);
  } else if (component.valuesExpression) {
    source = `valuesExpression "${component.valuesExpression}"`;
    const expression = stripFeelMarker(component.valuesExpression) ?? component.valuesExpression;
    const outcome = runExpression(expression, scope);
    if (!outcome.ok)
      return [
        {
          code: 'FORM_CONDITION_ERROR',
          message: messagesVi.conditionError(component.valuesExpression, outcome.reason),
        },
      ];
    options = outcome.value === null ? [] : optionValues(outcome.value);
  } else {
    return [];
  }
  if (!options) return [{ code: 'FORM_OPTIONS_ERROR', message: messagesVi.optionsError(source) }];
  const allowed = (candidate: unknown): boolean =>
    options.some((option) => isDeepStrictEqual(option, candidate));
  const chosen = Array.isArray(value) ? value : [value];
  return chosen.every(allowed) ? [] : [{ code: 'FORM_NOT_ALLOWED_VALUE', message: messagesVi.notAllowed }];
}

/** `disallowPassedDates` of a date or date-time field: the browser's date picker stops at today; so does the server. */
export function checkPassedDate(component: FormComponent, value: unknown, today: string): Issue[] {
  if (component.type !== 'datetime' || component.disallowPassedDates !== true || typeof value !== 'string')
    return [];
  if (component.subtype === 'time') return [];
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day < today
    ? [{ code: 'FORM_DATE_PASSED', message: messagesVi.datePassed }]
    : [];
}

/** validate.min/max/minLength/maxLength written as FEEL: evaluated now, then applied as form-js applies them. */
export function checkFeelRules(rules: readonly FeelRule[], value: unknown, scope: ScopeInfo): Issue[] {
  const issues: Issue[] = [];
  for (const { rule, expression } of rules) {
    const outcome = runExpression(expression, scope);
    if (!outcome.ok) {
      issues.push({
        code: 'FORM_CONDITION_ERROR',
        message: messagesVi.conditionError(`=${expression}`, outcome.reason),
      });
      continue;
    }
    const limit = outcome.value;
    if (typeof limit !== 'number') continue; // form-js drops a limit that evaluates to nothing usable
    if (rule === 'min' || rule === 'max') {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && isNumericString(value)
            ? Number(value)
            : undefined;
      if (number === undefined) continue;
      if (rule === 'min' && number < limit) issues.push({ code: 'FORM_MIN', message: messagesVi.min(limit) });
      if (rule === 'max' && number > limit) issues.push({ code: 'FORM_MAX', message: messagesVi.max(limit) });
    } else if (typeof value === 'string') {
      const length = textLength(value);
      if (rule === 'minLength' && length < limit)
        issues.push({ code: 'FORM_MIN_LENGTH', message: messagesVi.minLength(limit) });
      if (rule === 'maxLength' && length > limit)
        issues.push({ code: 'FORM_MAX_LENGTH', message: messagesVi.maxLength(limit) });
    }
  }
  return issues;
}
