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
  engine_decision_instances: 'engine_history_decision_instances',
};

/** The indexes that serve the REST v2 filters and sorts (on MongoDB; FerretDB/SQLite uses only `_id`). */
const INDEXES: Readonly<Record<string, Record<string, 1>[]>> = {
  engine_history_element_instances: [
    { type: 1, k: 1 },
    { processInstanceKey: 1, k: 1 },
    { bpmnProcessId: 1, k: 1 },
    { endDate: 1 },
  ],
  engine_history_variables: [{ processInstanceKey: 1, k: 1 }, { scopeKey: 1 }, { name: 1, k: 1 }],
  engine_history_incidents: [{ processInstanceKey: 1, k: 1 }],
  engine_history_user_tasks: [
    { assignee: 1, k: 1 },
    { candidateGroups: 1, k: 1 },
    { processInstanceKey: 1, k: 1 },
    { completionDate: 1 },
  ],
  engine_history_decision_instances: [
    { processInstanceKey: 1, k: 1 },
    { decisionDefinitionKey: 1, k: 1 },
    { evaluationDate: 1 },
  ],
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
 * Creates the history indexes, except on FerretDB: its SQLite backend serves only `_id` lookups from an index (read
 * in its source and measured), so there the indexes would only slow the applier's inserts.
 */
export async function ensureHistoryIndexes(db: Db): Promise<void> {
  const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  if (info.ferretdbVersion) return;
  for (const [collection, indexes] of Object.entries(INDEXES))
    for (const index of indexes) await db.collection(collection).createIndex(index);
}
