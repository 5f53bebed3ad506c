export interface ReadonlySetIndex {
  get(indexKey: string): ReadonlySet<string>;
  /** A copy, safe to iterate while the index changes. */
  list(indexKey: string): string[];
}

/** A secondary index: one key to an insertion-ordered set of record keys. */
export class SetIndex implements ReadonlySetIndex {
  private readonly map = new Map<string, Set<string>>();

  add(indexKey: string, recordKey: string): void {
    let set = this.map.get(indexKey);
    if (!set) this.map.set(indexKey, (set = new Set()));
    set.add(recordKey);
  }

  remove(indexKey: string, recordKey: string): void {
    const set = this.map.get(indexKey);
    if (!set) return;
    set.delete(recordKey);
    if (set.size === 0) this.map.delete(indexKey);
  }

  get(indexKey: string): ReadonlySet<string> {
    return this.map.get(indexKey) ?? EMPTY;
  }

  /** A copy, safe to iterate while the index changes. */
  list(indexKey: string): string[] {
    return [...this.get(indexKey)];
  }
}

const EMPTY: ReadonlySet<string> = new Set();
