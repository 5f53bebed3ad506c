/**
 * Start-up: first finish what a crash may have interrupted — apply the log tail above the checkpoint to the
 * state collections (idempotent), advance the checkpoint — then load the live records into memory.
 * Finished records are in the history collections, which start-up never reads: restart cost depends on live state
 * only. Runtime documents written `live: false` by an older version are moved to their history collection once.
 */
import type { Db } from 'mongodb';
import type { EngineState } from '../engine-state.js';
import type { StateWriter } from '../state-writer.js';
import type { Store } from '../store.js';
import {
  applyChanges,
  mergeChanges,
  writeCheckpoint,
  LOG_COLLECTION,
  META_COLLECTION,
  type LogChange,
  type LogDocument,
  type PersistedKeys,
  type StateDocument,
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
    .collection<LogDocument>(LOG_COLLECTION)
    .find({ _id: { $gt: seq } })
    .sort({ _id: 1 })
    .toArray();
  if (tail.length > 0) {
    const entries = tail.map((entry) => ({ changes: JSON.parse(entry.j) as LogChange[] }));
    for (const entry of tail) {
      seq = entry._id;
      nextKey = Math.max(nextKey, entry.nextKey);
    }
    await applyChanges(db, mergeChanges(entries), null);
  }
  await writeCheckpoint(db, seq, nextKey);
  return { seq, nextKey };
}

async function loadInto<T extends { key: string }>(
  db: Db,
  store: Store<T>,
  persisted: PersistedKeys,
): Promise<void> {
  // No filter: FerretDB streams a whole collection fast, but reads every document to test one.
  const documents = await db.collection<StateDocument>(store.collection).find({}).toArray();
  let known = persisted.get(store.collection);
  if (!known) persisted.set(store.collection, (known = new Set()));
  const finished = new Map<string, LogChange>();
  for (const document of documents) {
    if (!document.live) {
      finished.set(document._id, { c: store.collection, k: document._id, d: document.j, f: 1 });
      continue;
    }
    const record = store.fromJson(document.j);
    store.load(record);
    known.add(record.key);
  }
  if (finished.size > 0) await applyChanges(db, new Map([[store.collection, finished]]), null);
}

/** Loads live records and rebuilds the indexes; the caller re-parses models and schedules. */
export async function loadState(
  db: Db,
  state: EngineState,
  writer: StateWriter,
  persisted: PersistedKeys,
): Promise<void> {
  await Promise.all([
    loadInto(db, state.definitions, persisted),
    loadInto(db, state.forms, persisted),
    loadInto(db, state.elements, persisted),
    loadInto(db, state.variables, persisted),
    loadInto(db, state.jobs, persisted),
    loadInto(db, state.timers, persisted),
    loadInto(db, state.messageSubscriptions, persisted),
    loadInto(db, state.signalSubscriptions, persisted),
    loadInto(db, state.messages, persisted),
    loadInto(db, state.incidents, persisted),
    loadInto(db, state.userTasks, persisted),
    loadInto(db, state.decisionRequirements, persisted),
    loadInto(db, state.decisions, persisted),
  ]);
  writer.indexLoaded();
}
