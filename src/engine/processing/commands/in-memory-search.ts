/** Filter (equality on each given field), sort and page over in-memory records: what the search endpoints need. */
import type { SearchQuery, SearchResult } from '../../engine-api.js';

/**
 * `keyOf` names each item's key: items equal in every sort field are ordered by it, as Camunda breaks ties by the
 * entity's key, so a sorted search answers in one order however the items were loaded (after a restart the stores
 * are filled in the database's order, not in creation order).
 */
export function searchItems<T extends object, F extends object>(
  items: Iterable<T>,
  query: SearchQuery<F>,
  matches: (item: T, filter: F) => boolean = defaultMatch,
  keyOf?: (item: T) => string,
): SearchResult<T> {
  const filter = query.filter;
  const selected: T[] = [];
  for (const item of items) if (!filter || matches(item, filter)) selected.push(item);
  const sorts = query.sort ?? [];
  const from = Math.max(0, query.page?.from ?? 0);
  const limit = Math.max(0, query.page?.limit ?? 100);
  if (sorts.length === 0) return { items: selected.slice(from, from + limit), total: selected.length };
  // Each item's sort values are read and classified once, not at every comparison (tens of thousands of tasks).
  const directions = sorts.map((sort) => (sort.order === 'DESC' ? -1 : 1));
  const keyed = selected.map((item) => ({
    item,
    keys: sorts.map((sort) => sortKey(field(item, sort.field))),
    key: keyOf ? sortKey(keyOf(item)) : undefined,
  }));
  keyed.sort((a, b) => {
    for (let index = 0; index < directions.length; index++) {
      const order = compare(a.keys[index]!, b.keys[index]!);
      if (order !== 0) return directions[index]! * order;
    }
    return a.key && b.key ? compare(a.key, b.key) : 0;
  });
  return { items: keyed.slice(from, from + limit).map((entry) => entry.item), total: selected.length };
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

interface SortKey {
  value: unknown;
  text: string;
  digits: boolean;
}

function sortKey(value: unknown): SortKey {
  const text = value === null || value === undefined ? '' : String(value);
  return { value, text, digits: /^\d+$/.test(text) };
}

function compare(a: SortKey, b: SortKey): number {
  if (a.value === b.value) return 0;
  if (a.value === null || a.value === undefined) return 1;
  if (b.value === null || b.value === undefined) return -1;
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  // Keys are decimal strings of equal magnitude: compare by length first so they sort numerically.
  if (a.digits && b.digits && a.text.length !== b.text.length) return a.text.length - b.text.length;
  if (a.text === b.text) return 0;
  return a.text < b.text ? -1 : 1;
}
