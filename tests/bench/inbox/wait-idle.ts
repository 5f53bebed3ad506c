import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100;

/** CPU seconds the whole machine has been busy (all cores): the service, its database server, everything. */
async function busySeconds(): Promise<number> {
  const stat = await readFile('/proc/stat', 'utf8');
  const fields = (stat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is work.
  const busy = fields.reduce(
    (sum, value, index) => (index === 3 || index === 4 ? sum : sum + (value || 0)),
    0,
  );
  return busy / TICKS_PER_SECOND;
}

/**
 * Waits until the machine has settled after seeding: all its CPUs together below `busyShare` of one core for
 * `quietSeconds` in a row. After a 50,000-instance import the engine still copies its log into its state collections
 * and the task notices of the new tasks are being sent (work for the service and for the database server alike), so
 * measuring straight away would measure that catch-up, not the inbox. Resolves with the seconds waited.
 */
export async function waitUntilIdle(
  options: { busyShare?: number; quietSeconds?: number; maxSeconds?: number } = {},
): Promise<number> {
  const busyShare = options.busyShare ?? 0.15;
  const quietSeconds = options.quietSeconds ?? 3;
  const maxSeconds = options.maxSeconds ?? 1_200;
  const started = Date.now();
  let quiet = 0;
  let before = await busySeconds();
  while (quiet < quietSeconds && Date.now() - started < maxSeconds * 1000) {
    await sleep(1_000);
    const now = await busySeconds();
    quiet = now - before < busyShare ? quiet + 1 : 0;
    before = now;
  }
  return (Date.now() - started) / 1000;
}
