/**
 * An in-memory table of one record type, mirrored to one MongoDB collection as `{_id, live, j}` where `j` is the
 * record as JSON text (FerretDB reads one text field ~10x faster than the same data as nested fields, and JSON
 * text keeps names with '.' or '$' out of MongoDB field names).
 *
 * Every mutation goes through put/delete, which marks the key dirty in the persistence log; the document is
 * serialised when the batch is written, so a record changed many times within one batch is written once.
 * Finished records (completed instances, resolved incidents, …) are retired: they leave the live table for a
 * bounded history that searches still see, while their last version stays in MongoDB.
 */
export type Document = Record<string, unknown>;

export interface DirtySink {
  /** `final`: the record will not change again (retired), so the writer may forget its key afterwards. */
  markDirty(collection: string, key: string, serialize: () => string | null, final?: boolean): void;
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
}

export class Store<T extends { key: string }> implements ReadonlyStore<T> {
  private readonly live = new Map<string, T>();
  private readonly history = new Map<string, T>();

  constructor(
    readonly collection: string,
    private readonly sink: DirtySink,
    private readonly historyLimit = 10_000,
  ) {}

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

  /** Live records first, then retired ones. */
  *all(): IterableIterator<T> {
    yield* this.live.values();
    yield* this.history.values();
  }

  put(record: T): T {
    this.live.set(record.key, record);
    this.sink.markDirty(this.collection, record.key, () => JSON.stringify(record));
    return record;
  }

  delete(key: string): void {
    this.live.delete(key);
    this.history.delete(key);
    this.sink.markDirty(this.collection, key, () => null);
  }

  /** Persist the record's final state and move it to the bounded history. */
  retire(record: T): void {
    this.sink.markDirty(this.collection, record.key, () => JSON.stringify(record), true);
    this.live.delete(record.key);
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

  loadRetired(record: T): void {
    this.history.set(record.key, record);
  }
}
