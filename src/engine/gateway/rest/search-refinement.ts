/**
 * The parts of Camunda 8.8's search filters that the engine's searches do not take themselves: operators other than
 * `$eq` on any field, and date-time filters (ISO text, held as epoch milliseconds). The gateway asks the engine for
 * the items matching the plain fields, in the requested order, keeps those passing the rest, and pages them: the
 * response is what a Camunda 8.8 cluster answers for the same request.
 */
import type { FilterProperty, SearchQuery, SearchResult } from '../../engine-api.js';
import { isAdvancedFilter, propertyTest } from '../../processing/commands/filter-property.js';
import { epochFilter } from './search-query.js';

type Scalar = string | number | boolean;

/** Every item the engine holds: a refinement reads them all (the engine's search has no limit of its own). */
export const ALL_ITEMS = 1_000_000_000;

export type ItemTest<T> = (item: T) => boolean;

/** A filter split into what the engine matches (plain values) and the tests the gateway applies. */
export function splitFilter<T>(
  filter: Record<string, unknown> | undefined,
  dateFields: ReadonlySet<string>,
  skip: ReadonlySet<string> = new Set(),
): { plain: Record<string, unknown>; tests: ItemTest<T>[] } {
  const plain: Record<string, unknown> = {};
  const tests: ItemTest<T>[] = [];
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined || skip.has(field)) continue;
    if (dateFields.has(field))
      tests.push(fieldTest(field, epochFilter(value as string | Record<string, unknown>)));
    else if (isAdvancedFilter(value as FilterProperty<Scalar>)) tests.push(fieldTest(field, value));
    else plain[field] = value;
  }
  return { plain, tests };
}

function fieldTest<T>(field: string, filter: unknown): ItemTest<T> {
  const test = propertyTest(filter as FilterProperty<Scalar>);
  return (item) => test((item as Record<string, Scalar | null>)[field]);
}

/** Reads every item matching `plain` in the query's order, keeps those passing `tests`, and cuts the page. */
export async function refineAndPage<T>(
  search: (query: SearchQuery<Record<string, unknown>>) => Promise<SearchResult<T>>,
  query: SearchQuery<Record<string, unknown>>,
  plain: Record<string, unknown>,
  tests: readonly ItemTest<T>[],
): Promise<SearchResult<T>> {
  const candidates = await search({ ...query, filter: plain, page: { from: 0, limit: ALL_ITEMS } });
  const selected = candidates.items.filter((item) => tests.every((test) => test(item)));
  const from = query.page?.from ?? 0;
  const limit = query.page?.limit ?? 100;
  return { items: selected.slice(from, from + limit), total: selected.length };
}

/** A search with Camunda's operators and date filters on any field: the engine's own search when none is used. */
export async function refinedSearch<T>(
  search: (query: SearchQuery<Record<string, unknown>>) => Promise<SearchResult<T>>,
  query: SearchQuery<Record<string, unknown>>,
  dateFields: ReadonlySet<string>,
): Promise<SearchResult<T>> {
  const { plain, tests } = splitFilter<T>(query.filter, dateFields);
  if (tests.length === 0) return search(query);
  return refineAndPage(search, query, plain, tests);
}
