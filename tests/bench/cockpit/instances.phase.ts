import { SEARCH_TOTAL_CAP } from '../../../src/engine/engine-api.js';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { HttpSession } from '../inbox/http-session.js';
import { latency, latencyLine } from '../inbox/report.js';
import { waitUntilIdle } from '../inbox/wait-idle.js';
import { round } from '../support/stats.js';
import type { CockpitPhase } from './cockpit-phase.js';
import { instanceDetailPhase } from './instance-detail.phase.js';
import { instanceListPhase } from './instance-list.phase.js';
import { createInstances, deployCockpitProcess, waitForInstances } from './instance-seed.js';

/**
 * Issue 15, points 1 and 2: BENCH_INSTANCES instances of a small report process (default 100,000; one in
 * BENCH_RUNNING_EVERY left running at a user task, the others finished at once, so finished history is most of what
 * is searched), then, as giamsat over HTTP, the instance list (target p95 ≤ 200 ms) and an instance with its
 * overlays (target p95 ≤ 300 ms). Sizes: BENCH_CREATE_IN_FLIGHT (50), BENCH_REQUESTS (300 per measurement),
 * BENCH_WARMUP (20), BENCH_IN_FLIGHT (2), BENCH_SETTLE_MAX_SECONDS (600), BENCH_PHASE_BUDGET_SECONDS (600).
 */
export const instancesPhase: CockpitPhase = {
  name: 'instances',
  async run({ server, zeebe, progress, size }) {
    const sizes = {
      instances: size('BENCH_INSTANCES', 100_000),
      runningEvery: Math.max(1, size('BENCH_RUNNING_EVERY', 10)),
      createInFlight: size('BENCH_CREATE_IN_FLIGHT', 50),
      requests: size('BENCH_REQUESTS', 300),
      warmup: size('BENCH_WARMUP', 20),
      inFlight: Math.max(1, size('BENCH_IN_FLIGHT', 2)),
      settleMaxSeconds: size('BENCH_SETTLE_MAX_SECONDS', 600),
      budgetMs: size('BENCH_PHASE_BUDGET_SECONDS', 600) * 1000,
    };
    await deployCockpitProcess(zeebe);
    const createStarted = Date.now();
    const seeded = await createInstances(
      zeebe,
      sizes.instances,
      sizes.runningEvery,
      sizes.createInFlight,
      progress,
    );
    const createMs = Date.now() - createStarted;
    await waitForInstances(server.restAddress, seeded, 600_000);
    progress('waiting for the machine to settle');
    const settleSeconds = await waitUntilIdle({ maxSeconds: sizes.settleMaxSeconds });
    const giamsat = await HttpSession.signIn(server.url, 'giamsat', DEMO_PASSWORD);
    const rss = await server.rssBytes();
    const lines = [
      `size: ${seeded.total} instances (${seeded.running} running at a user task, ${seeded.finished} finished), ` +
        `created in ${round(createMs / 1000, 1)} s (${round(seeded.total / (createMs / 1000))}/s); ` +
        `settled ${settleSeconds.toFixed(0)} s later; service RSS ${round(rss / 1_048_576)} MB`,
      `the engine's search counts ${seeded.searchable} of them (${seeded.searchableFinished} finished)` +
        (seeded.searchable >= SEARCH_TOTAL_CAP ? ', counting up to 10,000 as Camunda 8.8 does' : ''),
    ];
    const failures: string[] = [];
    for (const measurement of [instanceListPhase, instanceDetailPhase]) {
      progress(`${measurement.name}: warm-up ${sizes.warmup}, then ${sizes.requests} requests`);
      const base = { giamsat, seeded, inFlight: sizes.inFlight, budgetMs: sizes.budgetMs, progress };
      const warmup = await measurement.run({ ...base, requests: sizes.warmup });
      const measured = await measurement.run({ ...base, requests: sizes.requests });
      lines.push(latencyLine(`${measured.label}, warm-up`, latency(warmup.durations)));
      lines.push(
        latencyLine(
          `${measured.label} (${sizes.inFlight} in flight)`,
          latency(measured.durations),
          measured.targetP95Ms,
        ),
      );
      for (const [kind, durations] of Object.entries(measured.byKind).sort())
        lines.push(latencyLine(`  ${kind}`, latency(durations)));
      failures.push(...warmup.failures, ...measured.failures);
    }
    const logged = server.logLines();
    if (logged.length > 0)
      lines.push(`the service logged ${logged.length} warnings; last: ${logged.at(-1)?.slice(0, 200)}`);
    return { lines, failures };
  },
};
