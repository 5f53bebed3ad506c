import { afterAll, beforeAll } from 'vitest';

interface Closable {
  close(): Promise<void>;
}

/**
 * Starts a fixture before the file's tests and closes it after them (vitest runs the after-hooks in reverse, so
 * fixtures close in reverse order of start). The handle it returns stands for the fixture inside the tests.
 */
export function useBeforeAll<T extends Closable>(start: () => Promise<T>, timeoutMs = 180_000): T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await start();
  }, timeoutMs);
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!current) throw new Error(`the fixture is not started yet (reading ${String(key)})`);
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
