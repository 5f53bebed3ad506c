/**
 * A small per-expression memo: feelin parses the text on every evaluation, so an expression evaluated again over
 * the same values (the same condition in many instances) is answered from here. Only primitive results are kept,
 * so no caller can mutate a cached value; expressions that read the clock or random sources are never cached.
 * Bounded (32 keys of at most 512 characters) so thousands of deployed expressions stay small in memory.
 */
import type { FeelResult } from './feel-expression.js';

const MAX_ENTRIES = 32;
const MAX_KEY_LENGTH = 512;

export class ResultCache {
  private readonly entries = new Map<string, FeelResult>();

  /** The key for these input values, or null when they are too large to be worth keying. */
  key(values: readonly unknown[]): string | null {
    let key: string;
    try {
      key = JSON.stringify(values);
    } catch {
      return null;
    }
    return key.length > MAX_KEY_LENGTH ? null : key;
  }

  get(key: string): FeelResult | undefined {
    return this.entries.get(key);
  }

  put(key: string, result: FeelResult): void {
    if (result.ok && result.value !== null && typeof result.value === 'object') return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, result);
  }
}
