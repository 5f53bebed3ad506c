/**
 * `npm run bench:engine -- --soak 30m`: a steady rate of one-service-task instances (30/s by default) for the given
 * time, the engine's resident memory sampled each minute. With history compacted out of memory, it should stay flat.
 */
import { oneTaskProcess } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { round, sleep } from '../support/stats.js';

export function parseDuration(text: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(text);
  if (!match) throw new Error(`--soak needs a duration like 30m, 300s or 1h, got '${text}'`);
  return Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
}

export async function soak(
  zeebe: ZeebeClient,
  rssBytes: () => Promise<number>,
  durationMs: number,
  ratePerSecond: number,
  progress: (message: string) => void,
): Promise<Record<string, unknown>> {
  await zeebe.deployResource({
    name: 'bench-soak.bpmn',
    process: Buffer.from(oneTaskProcess('bench-soak', 'bench-soak')),
  });
  let completed = 0;
  const worker = zeebe.createWorker({
    taskType: 'bench-soak',
    maxJobsToActivate: 64,
    taskHandler: async (job) => {
      completed += 1;
      return job.complete();
    },
  });
  const samples: { minute: number; rssMb: number }[] = [];
  let created = 0;
  let failed = 0;
  const started = Date.now();
  const interval = 1000 / ratePerSecond;
  // Warm-up minute before the first sample: the first figure is the engine at its working size.
  const warmUpMs = Math.min(60_000, durationMs / 5);
  let nextSample = started + warmUpMs;
  while (Date.now() - started < durationMs) {
    const tick = Date.now();
    zeebe.createProcessInstance({ bpmnProcessId: 'bench-soak', variables: { n: created } }).then(
      () => undefined,
      () => (failed += 1),
    );
    created += 1;
    if (Date.now() >= nextSample) {
      const rssMb = round((await rssBytes()) / 1_048_576);
      samples.push({ minute: round((Date.now() - started) / 60_000, 1), rssMb });
      progress(`soak: ${created} created, ${completed} completed, rss ${rssMb} MB`);
      nextSample += 60_000;
    }
    await sleep(Math.max(0, interval - (Date.now() - tick)));
  }
  await sleep(3_000);
  samples.push({
    minute: round((Date.now() - started) / 60_000, 1),
    rssMb: round((await rssBytes()) / 1_048_576),
  });
  await worker.close();
  const first = samples[0]?.rssMb ?? 0;
  const last = samples[samples.length - 1]?.rssMb ?? 0;
  // The engine's bounded caches of recently finished records fill in about 7 minutes at 30/s: from then on a leak
  // is all that could still grow.
  const filled = samples.find((sample) => sample.minute >= 10)?.rssMb;
  return {
    minutes: round(durationMs / 60_000, 1),
    ratePerSecond,
    created,
    completed,
    failed,
    rssMb: {
      afterWarmUp: first,
      atEnd: last,
      growthPercent: first ? round(((last - first) / first) * 100, 1) : null,
      afterTenMinutes: filled ?? null,
      growthAfterTenMinutesPercent: filled ? round(((last - filled) / filled) * 100, 1) : null,
      target: 'growth < 5 %',
    },
    samples,
  };
}
