/** Camunda's filter operators ($eq, $in, $like, …) over in-memory field values. */
import type { AdvancedFilter, FilterProperty } from '../../engine-api.js';

type Scalar = string | number | boolean;

const OPERATORS = new Set(['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte', '$like']);

export function isAdvancedFilter<T>(filter: FilterProperty<T>): filter is AdvancedFilter<T> {
  return (
    typeof filter === 'object' &&
    filter !== null &&
    !Array.isArray(filter) &&
    Object.keys(filter).every((name) => OPERATORS.has(name))
  );
}

const likeCache = new Map<string, RegExp>();

/** Camunda's `$like`: `*` any run of characters, `?` one character, a backslash escapes either. */
function likePattern(pattern: string): RegExp {
  let found = likeCache.get(pattern);
  if (!found) {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
      const char = pattern[index] as string;
      if (char === '\\' && index + 1 < pattern.length) source += escape(pattern[++index] as string);
      else if (char === '*') source += '.*';
      else if (char === '?') source += '.';
      else source += escape(char);
    }
    found = new RegExp(`^${source}$`, 's');
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, found);
  }
  return found;
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Whether one present value passes the operators that test a single value. */
function valuePasses<T extends Scalar>(value: T, filter: AdvancedFilter<T>): boolean {
  if (filter.$eq !== undefined && value !== filter.$eq) return false;
  if (filter.$in !== undefined && !filter.$in.includes(value)) return false;
  if (filter.$gt !== undefined && !(compare(value, filter.$gt) > 0)) return false;
  if (filter.$gte !== undefined && !(compare(value, filter.$gte) >= 0)) return false;
  if (filter.$lt !== undefined && !(compare(value, filter.$lt) < 0)) return false;
  if (filter.$lte !== undefined && !(compare(value, filter.$lte) <= 0)) return false;
  if (filter.$like !== undefined && !likePattern(filter.$like).test(String(value))) return false;
  return true;
}

type FieldValue<T> = T | null | undefined | readonly T[];

/**
 * A filter compiled once per search into a test of one field's value. A list passes the positive operators when one
 * of its elements does (all of them by the same element), and `$neq`/`$notIn` when none of its elements is
 * excluded; a missing value passes only `$exists: false`, `$neq` and `$notIn`.
 */
export function propertyTest<T extends Scalar>(filter: FilterProperty<T>): (value: FieldValue<T>) => boolean {
  if (!isAdvancedFilter(filter))
    return (value) =>
      Array.isArray(value) ? (value as readonly T[]).includes(filter as T) : value === filter;
  const included = filter.$in ? new Set<T>(filter.$in) : undefined;
  const excluded = filter.$notIn ? new Set<T>(filter.$notIn) : undefined;
  const positive =
    filter.$eq !== undefined ||
    included !== undefined ||
    filter.$gt !== undefined ||
    filter.$gte !== undefined ||
    filter.$lt !== undefined ||
    filter.$lte !== undefined ||
    filter.$like !== undefined;
  const rest: AdvancedFilter<T> = { ...filter, $in: undefined };
  const onePasses = (each: T): boolean => (!included || included.has(each)) && valuePasses(each, rest);
  return (value) => {
    const list: readonly T[] = Array.isArray(value)
      ? (value as readonly T[])
      : value === null || value === undefined
        ? []
        : [value as T];
    if (filter.$exists !== undefined && filter.$exists !== list.length > 0) return false;
    if (filter.$neq !== undefined && list.includes(filter.$neq)) return false;
    if (excluded && list.some((each) => excluded.has(each))) return false;
    return !positive || list.some(onePasses);
  };
}
