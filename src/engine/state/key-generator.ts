/**
 * Zeebe-style keys: partition 1's key space starts at 2^51, so keys look like the ones a real broker hands out
 * (2251799813685249, …). Values stay below 2^53, so plain numbers are exact. The counter is persisted with every
 * batch (see PersistenceLog), so keys are never reused after a restart.
 */
const PARTITION_ONE_START = 2 ** 51;

export class KeyGenerator {
  private counter: number;

  constructor(start = PARTITION_ONE_START) {
    this.counter = start;
  }

  next(): string {
    this.counter += 1;
    return String(this.counter);
  }

  /** The highest key handed out so far. */
  current(): number {
    return this.counter;
  }

  /** Never moves backwards: recovery may see several persisted counters. */
  restore(atLeast: number): void {
    if (atLeast > this.counter) this.counter = atLeast;
  }
}
