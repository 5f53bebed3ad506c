/**
 * Typed evaluation for the places Zeebe expects a certain type (conditions, job types, retries, collections,
 * candidate groups, due dates). A mismatch is a failure value whose message reads like Zeebe's incident message.
 */
import { DEFAULT_TIME_ZONE } from '../timer/default-time-zone.js';
import { parseIsoDateTime } from '../timer/timer-schedule.js';
import type { Expression, FeelEvaluationContext, FeelResult } from './feel-expression.js';
import { feelTypeName } from './feel-values.js';

function mismatch(
  expression: Expression,
  expected: string,
  value: unknown,
  warnings: string[] = [],
): FeelResult<never> {
  const text = expression.isFeel ? expression.source.trim().slice(1).trim() : expression.source;
  const explanation =
    warnings.length > 0 ? ` The evaluation reported the following warnings:\n${warnings.join('\n')}` : '';
  return {
    ok: false,
    message: `Expected result of the expression '${text}' to be '${expected}', but was '${feelTypeName(value)}'.${explanation}`,
  };
}

function typed<T>(
  expression: Expression,
  context: FeelEvaluationContext,
  expected: string,
  convert: (value: unknown) => T | undefined,
): FeelResult<T> {
  const result = expression.evaluate(context);
  if (!result.ok) return result;
  const converted = convert(result.value);
  return converted === undefined
    ? mismatch(expression, expected, result.value, result.warnings)
    : { ok: true, value: converted };
}

export function evaluateBoolean(expression: Expression, context: FeelEvaluationContext): FeelResult<boolean> {
  return typed(expression, context, 'BOOLEAN', (value) => (typeof value === 'boolean' ? value : undefined));
}

export function evaluateString(expression: Expression, context: FeelEvaluationContext): FeelResult<string> {
  return typed(expression, context, 'STRING', (value) => (typeof value === 'string' ? value : undefined));
}

/** Correlation keys: a string, or a number converted to its string form (as Zeebe does). */
export function evaluateCorrelationKey(
  expression: Expression,
  context: FeelEvaluationContext,
): FeelResult<string> {
  return typed(expression, context, 'STRING', (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  });
}

export function evaluateInteger(expression: Expression, context: FeelEvaluationContext): FeelResult<number> {
  return typed(expression, context, 'NUMBER', (value) =>
    typeof value === 'number' ? Math.trunc(value) : undefined,
  );
}

export function evaluateList(expression: Expression, context: FeelEvaluationContext): FeelResult<unknown[]> {
  return typed(expression, context, 'ARRAY', (value) => (Array.isArray(value) ? value : undefined));
}

/**
 * Candidate groups / users: a FEEL list of strings, or a static comma-separated list ("a, b").
 */
export function evaluateStringList(
  expression: Expression,
  context: FeelEvaluationContext,
): FeelResult<string[]> {
  if (!expression.isFeel) {
    const items = String(expression.staticValue ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return { ok: true, value: items };
  }
  return typed(expression, context, 'ARRAY', (value) => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
    return undefined;
  });
}

/** Parses an ISO 8601 date-time with offset or zone (or a local one, read in `timeZone`) to epoch ms. */
export function parseDateTime(text: string, timeZone = DEFAULT_TIME_ZONE): number | null {
  return parseIsoDateTime(text, timeZone);
}

/** Due and follow-up dates: an ISO 8601 date-time (string or FEEL date and time) → epoch ms. */
export function evaluateDateTime(expression: Expression, context: FeelEvaluationContext): FeelResult<number> {
  return typed(expression, context, 'DATE_TIME', (value) => {
    if (typeof value !== 'string') return undefined;
    return parseDateTime(value, context.timeZone) ?? undefined;
  });
}
