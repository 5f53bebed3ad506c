/**
 * A search over live and finished records at once: the live ones (and the finished ones not yet copied to their
 * history collection) from memory, the rest from the history collection, merged in one order and paged.
 *
 * The history side asks the database for its match count and its first `from + limit` items in the search's order;
 * the memory side contributes every match. Sorting the union with the in-memory comparator and cutting the page
 * gives the same page a search over one list would. A finished record is counted once: memory drops it as soon
 * as the persistence log reports its history copy, and one copied while the database was being read is looked up.
 */
import type { Db, Document, Filter, Sort } from 'mongodb';
import {
  SEARCH_TOTAL_CAP,
  type AdvancedFilter,
  type FilterProperty,
  type SearchQuery,
  type SearchResult,
} from '../../engine-api.js';
import { DATE_ORDER_FIELDS, type HistoryDocument } from '../../state/history/history-collections.js';
import type { PendingRetired } from '../../state/store.js';
import { isAdvancedFilter } from './filter-property.js';
import { searchItems } from './in-memory-search.js';

export interface MemoryCandidate<T> {
  item: T;
  /** Set for a finished record still waiting for its history copy. */
  pending?: PendingRetired<unknown>;
}

export interface HistorySide<T> {
  collection: string;
  /** null: no finished record can match (e.g. `state: ACTIVE`). */
  filter: Filter<HistoryDocument> | null;
  /** API sort field → history document field; an unmapped field is sorted by key only. */
  fields: Readonly<Record<string, string>>;
  toItem: (document: HistoryDocument) => T;
  /** The search's filter over an item, used when the history is read by key alone. */
  matches: (item: T) => boolean;
  /** The filter's conditions on fields of the document that its item does not show (read by key alone). */
  matchesDocument?: (document: HistoryDocument) => boolean;
}

const TOTAL_ORDER_FIELDS: ReadonlySet<string> = new Set(Object.values(DATE_ORDER_FIELDS));

/** Reads again when records were copied to the history while it was being read, at most this many times. */
const MAX_READS = 3;

export async function mergedSearch<T extends object>(
  db: Db,
  memory: MemoryCandidate<T>[],
  history: HistorySide<T>,
  query: SearchQuery<unknown>,
  keyField: keyof T & string,
): Promise<SearchResult<T>> {
  // A record copied while the database was read may or may not be in the count it gave: read again, with that
  // record left to the history, rather than guess. Each record is copied once, so this settles.
  for (let read = 1; ; read += 1) {
    const waiting = memory.filter((candidate) => candidate.pending && !candidate.pending.applied);
    const result = await mergedRead(db, memory, history, query, keyField);
    if (read >= MAX_READS || waiting.every((candidate) => !candidate.pending?.applied)) return result;
  }
}

async function mergedRead<T extends object>(
  db: Db,
  memory: MemoryCandidate<T>[],
  history: HistorySide<T>,
  query: SearchQuery<unknown>,
  keyField: keyof T & string,
): Promise<SearchResult<T>> {
  const sort = query.sort?.length ? query.sort : [{ field: keyField, order: 'ASC' as const }];
  const from = Math.max(0, query.page?.from ?? 0);
  const limit = Math.max(0, query.page?.limit ?? 100);
  const fresh = memory.filter((candidate) => !candidate.pending?.applied);
  let historyItems: T[] = [];
  let historyTotal = 0;
  if (history.filter) {
    const collection = db.collection<HistoryDocument>(history.collection);
    const mongoSort: Record<string, 1 | -1> = {};
    for (const each of sort) {
      const field = history.fields[each.field];
      if (field) mongoSort[field] = each.order === 'DESC' ? -1 : 1;
    }
    // `k` breaks ties, unless the order is already total: the date-order fields end with the key.
    const orderFields = Object.keys(mongoSort);
    const total = orderFields.some((field) => field === 'k' || TOTAL_ORDER_FIELDS.has(field));
    if (!total) mongoSort['k'] = 1;
    const byKey = history.filter['_id'];
    if (typeof byKey === 'string') {
      // By key alone: the one lookup FerretDB serves from an index; the rest of the filter is tested here.
      const document = await collection.findOne({ _id: byKey });
      const kept = document && (history.matchesDocument?.(document) ?? true) ? [document] : [];
      historyItems = kept.map(history.toItem).filter(history.matches);
      historyTotal = historyItems.length;
    } else {
      const [count, documents] = await Promise.all([
        countMatches(db, history.collection, history.filter, SEARCH_TOTAL_CAP + 1),
        from + limit === 0
          ? Promise.resolve([])
          : collection
              .find(history.filter)
              .sort(mongoSort as Sort)
              .limit(from + limit)
              .toArray(),
      ]);
      historyTotal = count;
      historyItems = documents.map(history.toItem);
    }
  }
  // Copied to the history while the database was read: counted there if the database saw it.
  const settled: MemoryCandidate<T>[] = [];
  for (const candidate of fresh) {
    if (candidate.pending?.applied && history.filter) {
      const key = String((candidate.item as Record<string, unknown>)[keyField]);
      const found = await db
        .collection<HistoryDocument>(history.collection)
        .findOne({ _id: key }, { projection: { _id: 1 } });
      if (found) continue;
    }
    settled.push(candidate);
  }
  const inMemory = new Set(settled.map((candidate) => String(candidate.item[keyField])));
  const fromHistory = historyItems.filter((item) => !inMemory.has(String(item[keyField])));
  const duplicates = historyItems.length - fromHistory.length;
  const page = searchItems(
    [...settled.map((candidate) => candidate.item), ...fromHistory],
    { sort, page: { from, limit } },
    undefined,
    (item) => String(item[keyField]),
  );
  const total = settled.length + historyTotal - duplicates;
  return total > SEARCH_TOTAL_CAP
    ? { items: page.items, total: SEARCH_TOTAL_CAP, hasMoreTotalItems: true }
    : { items: page.items, total };
}

/**
 * The `count` command, not `countDocuments`: the latter is an aggregation, which FerretDB answers by reading every
 * match, where `count` over a filter a `pushdown_` index covers is answered from the index. It stops at `limit`:
 * the total is capped as Camunda 8.8 caps it, and a broad filter over years of history then reads no more rows than
 * that (a condition no index serves, such as a variable's "contains", is tested row by row).
 */
async function countMatches(
  db: Db,
  collection: string,
  filter: Filter<HistoryDocument>,
  limit: number,
): Promise<number> {
  const result = (await db.command({ count: collection, query: filter, limit })) as { n?: number };
  return result.n ?? 0;
}

/** An engine filter value as a MongoDB condition (Camunda's operators mapped to MongoDB's). */
export function mongoCondition(filter: FilterProperty<string | number | boolean>): unknown {
  if (!isAdvancedFilter(filter)) return filter;
  const advanced = filter as AdvancedFilter<string | number | boolean>;
  const condition: Document = {};
  if (advanced.$eq !== undefined) condition['$eq'] = advanced.$eq;
  if (advanced.$neq !== undefined) condition['$ne'] = advanced.$neq;
  if (advanced.$exists !== undefined)
    Object.assign(condition, advanced.$exists ? { $exists: true, $ne: null } : { $in: [null] });
  if (advanced.$in !== undefined) condition['$in'] = [...advanced.$in];
  if (advanced.$notIn !== undefined) condition['$nin'] = [...advanced.$notIn];
  for (const operator of ['$gt', '$gte', '$lt', '$lte'] as const)
    if (advanced[operator] !== undefined) condition[operator] = advanced[operator];
  if (advanced.$like !== undefined) condition['$regex'] = likeToRegex(advanced.$like);
  return condition;
}

function likeToRegex(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (char === '\\' && index + 1 < pattern.length) source += escape(pattern[++index] as string);
    else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += escape(char);
  }
  return `^${source}$`;
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The history filter of a search: each given API field mapped to its document field; `_id` for the key. Fields
 * named in `unmatched` have values no finished record holds (returns null then).
 */
export function historyFilter(
  filter: object | undefined,
  fields: Readonly<Record<string, string>>,
): Filter<HistoryDocument> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (value === undefined) continue;
    const field = fields[name];
    if (!field) continue;
    result[field] = mongoCondition(value as FilterProperty<string | number | boolean>);
  }
  return result as Filter<HistoryDocument>;
}
