/**
 * An in-memory table of one record type, mirrored to one MongoDB collection as `{_id, live, j}` where `j` is the
 * record as JSON text (FerretDB reads one text field ~10x faster than the same data as nested fields, and JSON
 * text keeps names with '.' or '$' out of MongoDB field names).
 *
 * Every mutation goes through put/delete, which marks the key dirty in the persistence log; the document is
 * serialised when the batch is written, so a record changed many times within one batch is written once.
 * Finished records (completed instances, resolved incidents, …) are retired: they leave the live table, and the
 * persistence log moves their last version into a history collection (see history/history-collections.ts). Until
 * that copy is made they stay `pending` here, so a search sees every finished record exactly once: from memory
 * while pending, from the database afterwards. A small cache of recent ones serves the engine's own lookups.
 */
export type Document = Record<string, unknown>;

export interface DirtySink {
  /** `final`: the record will not change again (retired), so the writer may forget its key afterwards. */
  markDirty(collection: string, key: string, serialize: () => string | null, final?: boolean): void;
}

/** A retired record not yet copied into its history collection; `applied` turns true once it is there. */
export interface PendingRetired<T> {
  readonly record: T;
  applied: boolean;
}

/** What readers of engine state get: lookups and scans, no way to change the table. */
export interface ReadonlyStore<T extends { key: string }> {
  readonly collection: string;
  readonly size: number;
  get(key: string): T | undefined;
  find(key: string): T | undefined;
  has(key: string): boolean;
  values(): IterableIterator<T>;
  all(): IterableIterator<T>;
  pendingRetired(): IterableIterator<PendingRetired<T>>;
}

export class Store<T extends { key: string }> implements ReadonlyStore<T> {
  private readonly live = new Map<string, T>();
  private readonly history = new Map<string, T>();
  private readonly pending = new Map<string, PendingRetired<T>>();

  constructor(
    readonly collection: string,
    private readonly sink: DirtySink,
    private readonly historyLimit = 10_000,
  ) {}

  /** Retired records whose history copy is not written yet (searches read them from memory). */
  pendingRetired(): IterableIterator<PendingRetired<T>> {
    return this.pending.values();
  }

  /** The persistence log copied these keys into the history collection. */
  markApplied(keys: Iterable<string>): void {
    for (const key of keys) {
      const entry = this.pending.get(key);
      if (!entry) continue;
      entry.applied = true;
      this.pending.delete(key);
    }
  }

  get(key: string): T | undefined {
    return this.live.get(key);
  }

  /** Live or retired. */
  find(key: string): T | undefined {
    return this.live.get(key) ?? this.history.get(key);
  }

  has(key: string): boolean {
    return this.live.has(key);
  }

  get size(): number {
    return this.live.size;
  }

  values(): IterableIterator<T> {
    return this.live.values();
  }

  /** Live records first, then recently retired ones (not every finished record: see the history collections). */
  *all(): IterableIterator<T> {
    yield* this.live.values();
    yield* this.history.values();
  }

  put(record: T): T {
    this.live.set(record.key, record);
    this.pending.delete(record.key);
    this.sink.markDirty(this.collection, record.key, () => JSON.stringify(record));
    return record;
  }

  delete(key: string): void {
    this.live.delete(key);
    this.history.delete(key);
    this.pending.delete(key);
    this.sink.markDirty(this.collection, key, () => null);
  }

  /** Persist the record's final state (into the history collection) and drop it from the live table. */
  retire(record: T): void {
    this.sink.markDirty(this.collection, record.key, () => JSON.stringify(record), true);
    this.live.delete(record.key);
    this.pending.set(record.key, { record, applied: false });
    this.history.delete(record.key);
    this.history.set(record.key, record);
    if (this.history.size > this.historyLimit) {
      const oldest = this.history.keys().next();
      if (!oldest.done) this.history.delete(oldest.value);
    }
  }

  fromJson(json: string): T {
    return JSON.parse(json) as T;
  }

  /** Recovery: add without marking dirty. */
  load(record: T): void {
    this.live.set(record.key, record);
  }
}
