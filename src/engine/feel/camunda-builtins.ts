/**
 * The Camunda 8.8 FEEL built-ins that feelin does not ship. They are passed to feelin as context functions, and
 * only those an expression actually calls (see referencedBuiltins), so a variable that happens to share a
 * single-word name (extract, partition…) is shadowed only where the function is really used.
 */
import { randomUUID } from 'node:crypto';
import { FeelDate, FeelDateTime } from 'feelin';
import { Temporal } from 'temporal-polyfill';
import { toJsonValue } from './feel-values.js';

type Builtin = (...args: unknown[]) => unknown;

/** Thrown by assert(): becomes a failed evaluation (an incident), as in Zeebe. */
export class FeelAssertionError extends Error {}

/** feelin cannot parse a name containing the keyword `or`; the compiler rewrites calls to this identifier. */
export const GET_OR_ELSE_IDENTIFIER = 'get_or_else__camunda';

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

function duplicateValues(list: unknown): unknown[] | null {
  if (!isList(list)) return null;
  const seen = new Map<string, number>();
  const out: unknown[] = [];
  for (const item of list) {
    const key = JSON.stringify(toJsonValue(item));
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 2) out.push(item);
  }
  return out;
}

function lastDayOfMonth(value: unknown): FeelDate | null {
  if (!(value instanceof FeelDate) && !(value instanceof FeelDateTime)) return null;
  const month = Temporal.PlainYearMonth.from({ year: value.year, month: value.month });
  return new FeelDate(month.toPlainDate({ day: month.daysInMonth }));
}

function partition(list: unknown, size: unknown): unknown[][] | null {
  if (!isList(list) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return null;
  const out: unknown[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function extract(value: unknown, pattern: unknown): string[] | null {
  if (typeof value !== 'string' || typeof pattern !== 'string') return null;
  try {
    return Array.from(value.matchAll(new RegExp(pattern, 'gu')), (match) => match[0]);
  } catch {
    return null;
  }
}

function fromJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** Camunda's string join also takes a prefix and suffix (feelin only the list and delimiter); nulls are skipped. */
function stringJoin(list: unknown, delimiter?: unknown, prefix?: unknown, suffix?: unknown): string | null {
  if (!isList(list)) return null;
  const parts = [delimiter, prefix, suffix];
  if (parts.some((part) => part !== undefined && part !== null && typeof part !== 'string')) return null;
  const items = list.filter((item) => item !== null && item !== undefined);
  if (!items.every((item): item is string => typeof item === 'string')) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return `${text(prefix)}${items.join(text(delimiter))}${text(suffix)}`;
}

export const camundaBuiltins: Readonly<Record<string, Builtin>> = {
  'is defined': (value) => value !== null && value !== undefined,
  [GET_OR_ELSE_IDENTIFIER]: (value, fallback) => (value === null || value === undefined ? fallback : value),
  assert: (value, condition, cause) => {
    if (condition !== true) {
      throw new FeelAssertionError(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
    }
    return value;
  },
  'from json': fromJson,
  'to json': (value) => JSON.stringify(toJsonValue(value)),
  'is empty': (list) => (isList(list) ? list.length === 0 : null),
  'is blank': (value) => (typeof value === 'string' ? value.trim() === '' : null),
  trim: (value) => (typeof value === 'string' ? value.trim() : null),
  'to base64': (value) => (typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : null),
  partition,
  'duplicate values': duplicateValues,
  'last day of month': lastDayOfMonth,
  'random number': () => Math.random(),
  uuid: () => randomUUID(),
  extract,
  'string join': stringJoin,
};

const namePatterns = Object.keys(camundaBuiltins).map(
  (name) => [name, new RegExp(`(?<![\\w.])${name.replace(/ /g, '\\s+')}\\s*\\(`)] as const,
);

/** Names of the built-ins an expression calls; computed once at compile time. */
export function referencedBuiltins(text: string): string[] {
  return namePatterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
