/**
 * Finished records, kept apart from the runtime state (as Zeebe exports its records out of the runtime): one history
 * collection per record type that finishes. The persistence log's applier writes a record's final version here
 * instead of into the runtime collection, so the runtime collections hold live state only and a restart reads
 * nothing of the history.
 *
 * A history document is `{_id: key, k, <the record's scalar fields>, j}`: `j` the record as JSON text (what a search
 * returns), the scalar fields copied beside it so MongoDB can filter and sort on them, and `k` the key left-padded
 * to 20 digits so that key order is text order. Process instances (element records of type PROCESS) have a
 * collection of their own: the cockpit lists them by many filters and orders, which want indexes the far more
 * numerous element instances should not pay for at every insert. They also carry `sd` and `ed`, their start and end
 * as text that sorts by date and then by key (see `dateOrderKey`), and their own variables' final values as JSON
 * text, `v_<name>` (see `variableField`): a search of instances by a variable reads one collection, whose
 * order and page then come from an index, where a join with the far larger variable history would read every
 * candidate's variable.
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

/** Where finished process instances go (their element records, of type PROCESS). */
export const PROCESS_INSTANCE_HISTORY = 'engine_history_process_instances';

/** Every history collection. */
export const ALL_HISTORY_COLLECTIONS: readonly string[] = [
  PROCESS_INSTANCE_HISTORY,
  ...Object.values(HISTORY_COLLECTIONS),
];

/** API date field → the history field that sorts by it (process instances). */
export const DATE_ORDER_FIELDS = { startDate: 'sd', endDate: 'ed' } as const;

/**
 * The indexes that serve the REST v2 filters and sorts, each ending in `k` (or `sd`/`ed`) so a page in that order is
 * read from the index. Named `pushdown_…`, they are also used by FerretDB's SQLite backend as this project builds it
 * (tools/ferretdb/patches/pushdown_indexed.go): that name promises that each field holds a string (or null), never an
 * array or a number, in every history document, and that the last field sorts as text.
 */
const PUSHDOWN_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [PROCESS_INSTANCE_HISTORY]: [
    ...['k', 'sd', 'ed'].flatMap((order) => [
      [order],
      ['bpmnProcessId', order],
      ['bpmnProcessId', 'state', order],
      ['state', order],
    ]),
    ['processDefinitionKey', 'k'],
    ['processDefinitionKey', 'state', 'k'],
    ['parentProcessInstanceKey', 'k'],
  ],
  engine_history_element_instances: [['processInstanceKey', 'k']],
  engine_history_variables: [
    ['processInstanceKey', 'name', 'k'],
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
  engine_history_decision_instances: [
    ['processInstanceKey', 'k'],
    ['decisionDefinitionKey', 'k'],
  ],
};

/** Indexes only MongoDB can use: on arrays (candidate groups) and dates. */
const MONGODB_INDEXES: Readonly<Record<string, Record<string, 1>[]>> = {
  engine_history_element_instances: [{ processDefinitionKey: 1, elementId: 1 }],
  engine_history_user_tasks: [{ candidateGroups: 1, k: 1 }, { completionDate: 1 }],
  engine_history_decision_instances: [{ evaluationDate: 1 }],
};

/** The history collection a finished record of a runtime collection goes to (its document decides for elements). */
export function historyCollectionOf(
  runtimeCollection: string,
  document?: HistoryDocument,
): string | undefined {
  if (document?.['type'] === 'PROCESS' && runtimeCollection === 'engine_element_instances')
    return PROCESS_INSTANCE_HISTORY;
  return HISTORY_COLLECTIONS[runtimeCollection];
}

/**
 * A date (epoch milliseconds) and a key as one text that sorts by the date, then by the key: one index column and a
 * total order, so a page in date order is read from an index with no tie left to break.
 */
export function dateOrderKey(epochMs: number, key: string): string {
  return `${String(Math.max(0, Math.trunc(epochMs))).padStart(15, '0')}:${paddedKey(key)}`;
}

export function paddedKey(key: string): string {
  return key.padStart(20, '0');
}

/** A process instance's own variables at its end: name → the value as JSON text (as the API shows it). */
export type RootVariables = ReadonlyMap<string, string>;

/**
 * The process-instance history field that holds a variable's value, or undefined for a name MongoDB cannot have as
 * a field (a dot, a NUL): a filter on such a variable is answered by reading the variable history instead.
 */
export function variableField(name: string): string | undefined {
  return name.length > 0 && !name.includes('.') && !name.includes('\0') ? `v_${name}` : undefined;
}

/**
 * Values longer than this are not copied onto the instance: a filter cannot find a finished instance by them.
 * Camunda 8.8 itself keeps only the first 8,191 characters of a value searchable.
 */
export const MAX_COPIED_VARIABLE_TEXT = 32_768;

/** The history document of a finished record given as JSON text (with its own variables, for a process instance). */
export function toHistoryDocument(key: string, json: string, rootVariables?: RootVariables): HistoryDocument {
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
  if (record['type'] === 'PROCESS') {
    for (const [api, field] of Object.entries(DATE_ORDER_FIELDS))
      if (typeof record[api] === 'number') document[field] = dateOrderKey(record[api], key);
    for (const [name, text] of rootVariables ?? []) {
      const field = variableField(name);
      if (field && text.length <= MAX_COPIED_VARIABLE_TEXT) document[field] = text;
    }
  }
  return document;
}

/**
 * The own variables of the process instances that finish in a batch of changes to the variables collection: a scope's
 * variables are retired in the same command (and log entry) as the scope itself.
 */
export function finishedRootVariables(
  variableChanges: Iterable<{ d: string | null; f?: number }>,
): Map<string, Map<string, string>> {
  const byInstance = new Map<string, Map<string, string>>();
  for (const change of variableChanges) {
    if (change.f !== 1 || change.d === null) continue;
    const record = JSON.parse(change.d) as {
      name: string;
      value?: unknown;
      scopeKey: string;
      processInstanceKey: string;
    };
    if (record.scopeKey !== record.processInstanceKey) continue;
    let variables = byInstance.get(record.processInstanceKey);
    if (!variables) byInstance.set(record.processInstanceKey, (variables = new Map()));
    variables.set(record.name, JSON.stringify(record.value ?? null));
  }
  return byInstance;
}

/**
 * Creates the history indexes. On FerretDB only the `pushdown_` ones: its SQLite backend would maintain the others at
 * every insert and never read them.
 */
export async function ensureHistoryIndexes(db: Db): Promise<void> {
  const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  for (const [collection, indexes] of Object.entries(PUSHDOWN_INDEXES))
    for (const fields of indexes)
      await db.collection(collection).createIndex(Object.fromEntries(fields.map((field) => [field, 1])), {
        name: pushdownIndexName(fields),
      });
  await moveProcessInstancesOut(db);
  await copyVariablesOntoInstances(db);
  if (info.ferretdbVersion) return;
  for (const [collection, indexes] of Object.entries(MONGODB_INDEXES))
    for (const index of indexes) await db.collection(collection).createIndex(index);
}

function pushdownIndexName(fields: readonly string[]): string {
  return `pushdown_${fields.join('_')}`;
}

/**
 * History written before process instances had a collection of their own kept them among the element instances:
 * moved over once, in one pass, with their date-order fields. Copied before deleted, so a crash leaves a duplicate
 * the next start removes, never a loss.
 */
async function moveProcessInstancesOut(db: Db): Promise<void> {
  const layout = db.collection<{ _id: string; version: number }>(HISTORY_META);
  if (((await layout.findOne({ _id: 'layout' }))?.version ?? 1) >= 2) return;
  const elements = db.collection<HistoryDocument>('engine_history_element_instances');
  const instances = db.collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY);
  let batch: HistoryDocument[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await instances.bulkWrite(
      batch.map((document) => ({
        replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true },
      })),
      { ordered: false },
    );
    await elements.bulkWrite(
      batch.map((document) => ({ deleteOne: { filter: { _id: document._id } } })),
      { ordered: false },
    );
    batch = [];
  };
  for await (const old of elements.find({ type: 'PROCESS' })) {
    batch.push(toHistoryDocument(old._id, old.j));
    if (batch.length >= 500) await flush();
  }
  await flush();
  await layout.replaceOne({ _id: 'layout' }, { version: 2 }, { upsert: true });
}

/**
 * History written before finished instances carried their own variables (layout 3): copied onto them once, from the
 * variable history, a hundred instances at a time. An interrupted pass is run again whole (the copy is idempotent).
 */
async function copyVariablesOntoInstances(db: Db): Promise<void> {
  const layout = db.collection<{ _id: string; version: number }>(HISTORY_META);
  if (((await layout.findOne({ _id: 'layout' }))?.version ?? 1) >= 3) return;
  const instances = db.collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY);
  const variables = db.collection<HistoryDocument>(HISTORY_COLLECTIONS['engine_variables'] as string);
  // The keys first: FerretDB's cursor over a collection being updated is not stable.
  const keys = (await instances.find({}, { projection: { _id: 1 } }).toArray()).map((each) => each._id);
  for (let index = 0; index < keys.length; index += 100) {
    const batch = keys.slice(index, index + 100);
    const found = await variables
      .find({ processInstanceKey: { $in: batch } }, { projection: { j: 1 } })
      .toArray();
    const byInstance = finishedRootVariables(found.map((each) => ({ d: each.j, f: 1 })));
    const writes = [...byInstance].flatMap(([key, values]) => {
      const fields: Record<string, string> = {};
      for (const [name, text] of values) {
        const field = variableField(name);
        if (field && text.length <= MAX_COPIED_VARIABLE_TEXT) fields[field] = text;
      }
      return [{ updateOne: { filter: { _id: key }, update: { $set: fields } } }];
    });
    if (writes.length > 0) await instances.bulkWrite(writes, { ordered: false });
  }
  await layout.replaceOne({ _id: 'layout' }, { version: 3 }, { upsert: true });
}

/** Which layout the history is in (2: process instances in a collection of their own; 3: with their variables). */
const HISTORY_META = 'engine_history_meta';
