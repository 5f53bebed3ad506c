/** Waiting for what the engine and the service do asynchronously. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries `check` until it stops throwing (REST reads are eventually consistent in Camunda; clients are written
 * that way), and returns its value; throws its last error after `timeoutMs`.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await sleep(intervalMs);
    }
  }
  throw lastError;
}

/** Reads `probe` until `until` holds of its value, and returns that value. */
export async function pollUntil<T>(
  probe: () => Promise<T> | T,
  until: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (until(value)) return value;
    if (Date.now() - start > timeoutMs)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

/** Search options that read what the engine holds now, without waiting for the REST reads to catch up. */
export const noWait = { consistency: { waitUpToMs: 0 } };

/**
 * The REST client brands keys nested inside filters and request objects (its loose variant unbrands only the top
 * level); tests hold plain strings taken from gRPC answers, so they pass such objects through this.
 */
export function loose<T>(value: T): never {
  return value as never;
}
