import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100;

async function cpuSeconds(pid: number): Promise<number> {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" of the command name.
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Waits until the service has settled after seeding: its CPU below `busyShare` of one core for `quietSeconds` in a
 * row. The engine writes a burst of instances to its state collections lazily after acknowledging them, so measuring
 * straight after a 50,000-instance import measures that catch-up, not the inbox. Resolves with the seconds waited.
 */
export async function waitUntilIdle(
  pid: number,
  options: { busyShare?: number; quietSeconds?: number; maxSeconds?: number } = {},
): Promise<number> {
  const busyShare = options.busyShare ?? 0.1;
  const quietSeconds = options.quietSeconds ?? 3;
  const maxSeconds = options.maxSeconds ?? 900;
  const started = Date.now();
  let quiet = 0;
  let before = await cpuSeconds(pid);
  while (quiet < quietSeconds && Date.now() - started < maxSeconds * 1000) {
    await sleep(1_000);
    const now = await cpuSeconds(pid);
    quiet = now - before < busyShare ? quiet + 1 : 0;
    before = now;
  }
  return (Date.now() - started) / 1000;
}
