/**
 * Durability by group commit over an append-only log.
 *
 * Why this shape: MongoDB without multi-document transactions (FerretDB has none) can only write one document
 * atomically. A command changes several records (an element instance, a job, a timer, variables…), and after a
 * `kill -9` either all or none of them must be there — a timer removed without its effect recorded would be lost,
 * the effect recorded without the timer removed would fire twice. So:
 *
 * 1. Commands mutate in-memory state and mark the changed records dirty (Store.put/delete).
 * 2. The writer takes every dirty record at once and writes them as ONE document
 *    `{_id: seq, nextKey, changes: [{c: collection, k: key, d: document | null}]}` into `engine_log` (atomic).
 *    Commands waiting on that batch are acknowledged only then. One batch is in flight at a time; commands
 *    arriving meanwhile form the next batch (group commit: one insert for many commands under load).
 * 3. A lazy applier copies logged changes into the state collections (idempotent full-document upserts/deletes by
 *    key, last version wins), then writes `engine_meta.checkpoint = {seq, nextKey}`, then deletes the applied log
 *    documents. A crash anywhere in step 3 is harmless: recovery replays every log document above the checkpoint,
 *    and replaying an upsert twice gives the same document.
 * 4. Recovery (recovery.ts) loads the state collections, then applies the log tail in seq order.
 */
import type { Collection, Db, AnyBulkWriteOperation } from 'mongodb';
import type { DirtySink, Document } from '../store.js';

type StateDocument = { _id: string } & Document;

export const LOG_COLLECTION = 'engine_log';
export const META_COLLECTION = 'engine_meta';

export interface LogChange {
  c: string;
  k: string;
  d: Document | null;
}

interface LogDocument {
  _id: number;
  nextKey: number;
  changes: LogChange[];
}

type Logger = (level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown) => void;

export class PersistenceLog implements DirtySink {
  private dirty = new Map<string, () => Document | null>();
  private waiters: Array<() => void> = [];
  private writing: Promise<void> | null = null;
  private unapplied: LogDocument[] = [];
  private applying: Promise<void> | null = null;
  private applyTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private seq: number,
    private readonly nextKey: () => number,
    private readonly log: Logger,
    private readonly applyDelayMs = 100,
  ) {}

  /** Recovery: continue numbering after the last persisted batch. */
  resumeAt(seq: number): void {
    this.seq = seq;
  }

  markDirty(collection: string, key: string, serialize: () => Document | null): void {
    this.dirty.set(`${collection}\u0000${key}`, serialize);
  }

  /** Resolves once every change marked so far is durable. */
  commit(): Promise<void> {
    if (this.dirty.size === 0 && !this.writing) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (!this.writing) this.writing = this.writeLoop();
    return done;
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty.size > 0 || this.waiters.length > 0) {
      const dirty = this.dirty;
      const waiters = this.waiters;
      this.dirty = new Map();
      this.waiters = [];
      if (dirty.size > 0) {
        const changes: LogChange[] = [];
        for (const [id, serialize] of dirty) {
          const split = id.indexOf('\u0000');
          changes.push({ c: id.slice(0, split), k: id.slice(split + 1), d: serialize() });
        }
        this.seq += 1;
        const document: LogDocument = { _id: this.seq, nextKey: this.nextKey(), changes };
        await this.insertWithRetry(document);
        this.unapplied.push(document);
        this.scheduleApply();
      }
      for (const resolve of waiters) resolve();
    }
    this.writing = null;
  }

  private async insertWithRetry(document: LogDocument): Promise<void> {
    const collection = this.db.collection<LogDocument>(LOG_COLLECTION);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await collection.insertOne(document);
        return;
      } catch (error) {
        // A duplicate _id means an earlier attempt did reach the database.
        if ((error as { code?: number }).code === 11000) return;
        this.log('error', 'engine log write failed; retrying', { seq: document._id, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
  }

  private scheduleApply(): void {
    if (this.applyTimer || this.closed) return;
    this.applyTimer = setTimeout(() => {
      this.applyTimer = null;
      void this.applyPending();
    }, this.applyDelayMs);
    this.applyTimer.unref();
  }

  /** Copies logged changes into the state collections. */
  applyPending(): Promise<void> {
    if (this.applying)
      return this.applying.then(() => (this.unapplied.length ? this.applyPending() : undefined));
    if (this.unapplied.length === 0) return Promise.resolve();
    this.applying = this.applyBatch().finally(() => {
      this.applying = null;
    });
    return this.applying;
  }

  private async applyBatch(): Promise<void> {
    const batch = this.unapplied;
    this.unapplied = [];
    const last = batch[batch.length - 1];
    if (!last) return;
    const merged = new Map<string, Map<string, Document | null>>();
    for (const entry of batch) {
      for (const change of entry.changes) {
        let forCollection = merged.get(change.c);
        if (!forCollection) merged.set(change.c, (forCollection = new Map()));
        forCollection.set(change.k, change.d);
      }
    }
    try {
      await applyChanges(this.db, merged);
      await this.db
        .collection<{ _id: string; seq: number; nextKey: number }>(META_COLLECTION)
        .replaceOne({ _id: 'checkpoint' }, { seq: last._id, nextKey: last.nextKey }, { upsert: true });
      await this.db.collection<LogDocument>(LOG_COLLECTION).deleteMany({ _id: { $lte: last._id } });
    } catch (error) {
      // The log still holds these batches; retry later, recovery would replay them anyway.
      this.log('warn', 'engine state apply failed; will retry', { error: String(error) });
      this.unapplied = [...batch, ...this.unapplied];
    }
    if (this.unapplied.length > 0) this.scheduleApply();
  }

  /** Writes what is pending and applies the whole log to the state collections. */
  async close(): Promise<void> {
    await this.commit();
    if (this.writing) await this.writing;
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    await this.applyPending();
    this.closed = true;
  }
}

/** Idempotent: full documents upserted by key, deletions by key. */
export async function applyChanges(db: Db, merged: Map<string, Map<string, Document | null>>): Promise<void> {
  for (const [collectionName, changes] of merged) {
    const collection: Collection<StateDocument> = db.collection(collectionName);
    const operations: AnyBulkWriteOperation<StateDocument>[] = [];
    for (const [key, document] of changes) {
      if (document === null) operations.push({ deleteOne: { filter: { _id: key } } });
      else
        operations.push({
          replaceOne: { filter: { _id: key }, replacement: document as StateDocument, upsert: true },
        });
    }
    for (let index = 0; index < operations.length; index += 1000) {
      await collection.bulkWrite(operations.slice(index, index + 1000), { ordered: false });
    }
  }
}
