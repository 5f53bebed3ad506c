/** Filter (equality on each given field), sort and page over in-memory records: what the search endpoints need. */
import type { SearchQuery, SearchResult } from '../../engine-api.js';

export function searchItems<T extends object, F extends object>(
  items: Iterable<T>,
  query: SearchQuery<F>,
  matches: (item: T, filter: F) => boolean = defaultMatch,
): SearchResult<T> {
  const filter = query.filter;
  const selected: T[] = [];
  for (const item of items) if (!filter || matches(item, filter)) selected.push(item);
  for (const sort of [...(query.sort ?? [])].reverse()) {
    const direction = sort.order === 'DESC' ? -1 : 1;
    selected.sort((a, b) => direction * compare(field(a, sort.field), field(b, sort.field)));
  }
  const from = Math.max(0, query.page?.from ?? 0);
  const limit = Math.max(0, query.page?.limit ?? 100);
  return { items: selected.slice(from, from + limit), total: selected.length };
}

function field(item: object, name: string): unknown {
  return (item as Record<string, unknown>)[name];
}

function defaultMatch<T extends object, F extends object>(item: T, filter: F): boolean {
  for (const [name, expected] of Object.entries(filter)) {
    if (expected === undefined) continue;
    if (String(field(item, name)) !== String(expected)) return false;
  }
  return true;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  // Keys are decimal strings of equal magnitude: compare by length first so they sort numerically.
  if (/^\d+$/.test(left) && /^\d+$/.test(right) && left.length !== right.length)
    return left.length - right.length;
  return left < right ? -1 : 1;
}
