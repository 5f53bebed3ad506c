/**
 * Finished records, kept apart from the runtime state (as Zeebe exports its records out of the runtime): one history
 * collection per record type that finishes. The persistence log's applier writes a record's final version here
 * instead of into the runtime collection, so the runtime collections hold live state only and a restart reads
 * nothing of the history.
 *
 * A history document is `{_id: key, k, <the record's scalar fields>, j}`: `j` the record as JSON text (what a search
 * returns), the scalar fields copied beside it so MongoDB can filter and sort on them, and `k` the key left-padded
 * to 20 digits so that key order is text order.
 */
import type { Db } from 'mongodb';

export interface HistoryDocument {
  _id: string;
  k: string;
  j: string;
  [field: string]: unknown;
}

/** Runtime collection → its history collection. */
export const HISTORY_COLLECTIONS: Readonly<Record<string, string>> = {
  engine_element_instances: 'engine_history_element_instances',
  engine_variables: 'engine_history_variables',
  engine_incidents: 'engine_history_incidents',
  engine_user_tasks: 'engine_history_user_tasks',
};

/**
 * The indexes that serve the REST v2 filters and sorts, each ending in `k` so a page in key order is read from the
 * index. Named `pushdown_…`, they are also used by FerretDB's SQLite backend as this project builds it
 * (tools/ferretdb/patches/pushdown_indexed.go): that name promises that each field holds a string (or null), never an
 * array or a number, in every history document, and that the last field sorts as text.
 */
const PUSHDOWN_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  engine_history_element_instances: [
    ['type', 'k'],
    ['type', 'bpmnProcessId', 'k'],
    ['type', 'bpmnProcessId', 'state', 'k'],
    ['type', 'processDefinitionKey', 'k'],
    ['type', 'processDefinitionKey', 'state', 'k'],
    ['type', 'state', 'k'],
    ['processInstanceKey', 'k'],
  ],
  engine_history_variables: [
    ['processInstanceKey', 'k'],
    ['scopeKey', 'k'],
    ['name', 'k'],
  ],
  engine_history_incidents: [
    ['processInstanceKey', 'k'],
    ['state', 'k'],
  ],
  engine_history_user_tasks: [
    ['assignee', 'k'],
    ['processInstanceKey', 'k'],
    ['state', 'k'],
  ],
};

/** Indexes only MongoDB can use: on arrays (candidate groups) and dates. */
const MONGODB_INDEXES: Readonly<Record<string, Record<string, 1>[]>> = {
  engine_history_element_instances: [{ endDate: 1 }],
  engine_history_user_tasks: [{ candidateGroups: 1, k: 1 }, { completionDate: 1 }],
};

export function historyCollectionOf(runtimeCollection: string): string | undefined {
  return HISTORY_COLLECTIONS[runtimeCollection];
}

export function paddedKey(key: string): string {
  return key.padStart(20, '0');
}

/** The history document of a finished record given as JSON text. */
export function toHistoryDocument(key: string, json: string): HistoryDocument {
  const record = JSON.parse(json) as Record<string, unknown>;
  const document: HistoryDocument = { _id: key, k: paddedKey(key), j: json };
  for (const [name, value] of Object.entries(record)) {
    if (name === 'key' || name === '_id' || name === 'j' || name === 'k') continue;
    // A variable's value as the API shows it (JSON text), when short enough to be a filter's target.
    if (name === 'value') {
      const text = JSON.stringify(value ?? null);
      if (text.length <= 1024) document[name] = text;
      continue;
    }
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) document[name] = value;
    else if (Array.isArray(value) && value.every((each) => typeof each === 'string')) document[name] = value;
  }
  return document;
}

/**
 * Creates the history indexes. On FerretDB only the `pushdown_` ones: its SQLite backend would maintain the others at
 * every insert and never read them.
 */
export async function ensureHistoryIndexes(db: Db): Promise<void> {
  const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  for (const [collection, indexes] of Object.entries(PUSHDOWN_INDEXES))
    for (const fields of indexes)
      await db
        .collection(collection)
        .createIndex(Object.fromEntries(fields.map((field) => [field, 1])), {
          name: pushdownIndexName(fields),
        });
  if (info.ferretdbVersion) return;
  for (const [collection, indexes] of Object.entries(MONGODB_INDEXES))
    for (const index of indexes) await db.collection(collection).createIndex(index);
}

function pushdownIndexName(fields: readonly string[]): string {
  return `pushdown_${fields.join('_')}`;
}
