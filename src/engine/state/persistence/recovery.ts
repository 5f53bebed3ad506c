/**
 * Start-up: first finish what a crash may have interrupted — apply the log tail above the checkpoint to the
 * state collections (idempotent), advance the checkpoint — then load the live records into memory.
 * Finished records (completed instances, resolved incidents, completed user tasks) stay in MongoDB only.
 */
import type { Db } from 'mongodb';
import type { EngineState } from '../engine-state.js';
import { COLLECTIONS } from '../engine-state.js';
import type { Document, Store } from '../store.js';
import {
  applyChanges,
  mergeChanges,
  LOG_COLLECTION,
  META_COLLECTION,
  type LogChange,
  type PersistedKeys,
} from './persistence-log.js';

export interface RecoveredPosition {
  seq: number;
  nextKey: number;
}

export async function replayLogTail(db: Db): Promise<RecoveredPosition> {
  const meta = db.collection<{ _id: string; seq: number; nextKey: number }>(META_COLLECTION);
  const checkpoint = await meta.findOne({ _id: 'checkpoint' });
  let seq = checkpoint?.seq ?? 0;
  let nextKey = checkpoint?.nextKey ?? 0;
  const tail = await db
    .collection<{ _id: number; nextKey: number; changes: LogChange[] }>(LOG_COLLECTION)
    .find({ _id: { $gt: seq } })
    .sort({ _id: 1 })
    .toArray();
  if (tail.length > 0) {
    for (const entry of tail) {
      seq = entry._id;
      nextKey = Math.max(nextKey, entry.nextKey);
    }
    await applyChanges(db, mergeChanges(tail), null);
    await meta.replaceOne({ _id: 'checkpoint' }, { seq, nextKey }, { upsert: true });
  }
  await db.collection<{ _id: number }>(LOG_COLLECTION).deleteMany({ _id: { $lte: seq } });
  return { seq, nextKey };
}

/** Keys found in the state collections: the writer then knows they exist (set by loadState). */
let persistedKeys: PersistedKeys = new Map();

async function loadInto<T extends { key: string }>(
  db: Db,
  store: Store<T>,
  filter: Document = {},
): Promise<T[]> {
  const documents = await db.collection(store.collection).find(filter).toArray();
  const records = documents.map((document) => store.codec.fromDocument(document as Document));
  let known = persistedKeys.get(store.collection);
  if (!known) persistedKeys.set(store.collection, (known = new Set()));
  for (const record of records) {
    store.load(record);
    known.add(record.key);
  }
  return records;
}

/** Loads live records; the caller rebuilds models and schedules. */
export async function loadState(db: Db, state: EngineState, persisted: PersistedKeys): Promise<void> {
  persistedKeys = persisted;
  await loadInto(db, state.definitions);
  for (const form of await loadInto(db, state.forms)) state.indexForm(form);
  const elements = await loadInto(db, state.elements, { state: { $nin: ['COMPLETED', 'TERMINATED'] } });
  const liveKeys = elements.map((element) => element.key);
  for (const element of elements) {
    if (element.flowScopeKey) state.children.add(element.flowScopeKey, element.key);
    if (element.type === 'PROCESS' && element.startCorrelationKey != null) {
      state.messageStartedInstances.set(
        `${element.bpmnProcessId}\u0000${element.startCorrelationKey}`,
        element.key,
      );
    }
  }
  for (let index = 0; index < liveKeys.length; index += 5000) {
    const chunk = liveKeys.slice(index, index + 5000);
    for (const variable of await loadInto(db, state.variables, { scopeKey: { $in: chunk } }))
      state.indexVariable(variable);
  }
  for (const job of await loadInto(db, state.jobs)) state.indexJob(job);
  for (const timer of await loadInto(db, state.timers)) state.indexTimer(timer);
  for (const subscription of await loadInto(db, state.messageSubscriptions))
    state.indexMessageSubscription(subscription);
  for (const subscription of await loadInto(db, state.signalSubscriptions))
    state.indexSignalSubscription(subscription);
  for (const message of await loadInto(db, state.messages)) state.indexMessage(message);
  for (const incident of await loadInto(db, state.incidents, { state: 'ACTIVE' })) {
    state.instanceIncidents.add(incident.processInstanceKey, incident.key);
  }
  await loadInto(db, state.userTasks, { state: 'CREATED' });
}

export const STATE_COLLECTIONS = Object.values(COLLECTIONS);
