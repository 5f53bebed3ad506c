/**
 * `npm run bench:cockpit`: the supervisors' cockpit measured over HTTP against the running service (issue 15).
 *
 * The service runs as `npm start` runs it, in a child process with its own FerretDB in a temporary folder (the
 * inbox bench's server-process.ts). This process deploys a small report process and starts BENCH_INSTANCES
 * instances over gRPC (default 100,000; one in BENCH_RUNNING_EVERY stays running at a user task, the others finish
 * at once, so finished history is most of what is searched), waits until the engine's search sees them all and the
 * machine settles, signs in as giamsat and runs each phase of tests/bench/cockpit/ (one file per phase): the
 * instance list (target p95 ≤ 200 ms) and an instance with its overlays (target p95 ≤ 300 ms). Other phases (the
 * period dashboard) are added to PHASES below from their own file.
 *
 * Sizes (env): BENCH_INSTANCES (100000), BENCH_RUNNING_EVERY (10), BENCH_CREATE_IN_FLIGHT (50), BENCH_REQUESTS (300
 * per phase), BENCH_WARMUP (20 per phase, apart from the figures), BENCH_IN_FLIGHT (2), BENCH_SETTLE_MAX_SECONDS
 * (600), BENCH_PHASE_BUDGET_SECONDS (600). A quick try: BENCH_INSTANCES=2000 npm run bench:cockpit.
 *
 * Figures go to stdout, progress to stderr. Exit code 1 when a check failed (a target missed is only reported).
 */
import os from 'node:os';
import { DEMO_PASSWORD } from '../../src/app/seed/demo-accounts.js';
import { BENCH_CLIENTS, connectClients } from '../support/harness/clients.js';
import { instanceDetailPhase } from './cockpit/instance-detail.phase.js';
import { instanceListPhase } from './cockpit/instance-list.phase.js';
import { createInstances, deployCockpitProcess, waitForInstances } from './cockpit/instance-seed.js';
import type { CockpitPhase } from './cockpit/phase.js';
import { Cleanup } from './inbox/cleanup.js';
import { HttpSession } from './inbox/http-session.js';
import { latency, latencyLine } from './inbox/report.js';
import { startBenchServer } from './inbox/server-process.js';
import { waitUntilIdle } from './inbox/wait-idle.js';
import { round } from './support/stats.js';

/** The phases, in order; each is a file of tests/bench/cockpit/. */
const PHASES: CockpitPhase[] = [instanceListPhase, instanceDetailPhase];

const size = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const seconds = (ms: number): string => `${round(ms / 1000, 1)} s`;

async function main(cleanup: Cleanup): Promise<number> {
  const sizes = {
    instances: size('BENCH_INSTANCES', 100_000),
    runningEvery: Math.max(1, size('BENCH_RUNNING_EVERY', 10)),
    createInFlight: size('BENCH_CREATE_IN_FLIGHT', 50),
    requests: size('BENCH_REQUESTS', 300),
    warmup: size('BENCH_WARMUP', 20),
    inFlight: Math.max(1, size('BENCH_IN_FLIGHT', 2)),
    settleMaxSeconds: size('BENCH_SETTLE_MAX_SECONDS', 600),
    phaseBudgetSeconds: size('BENCH_PHASE_BUDGET_SECONDS', 600),
  };
  progress(`sizes ${JSON.stringify(sizes)}`);
  const server = await startBenchServer(cleanup, progress);
  progress(`service ready at ${server.url} in ${seconds(server.startupMs)}`);
  const { zeebe } = connectClients(
    { grpcAddress: server.grpcAddress, restAddress: server.restAddress },
    BENCH_CLIENTS,
  );
  cleanup.add('close the gRPC client', () =>
    zeebe.close(2_000).then(
      () => undefined,
      () => undefined,
    ),
  );
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

  const results = [];
  for (const phase of PHASES) {
    const budgetMs = sizes.phaseBudgetSeconds * 1000;
    progress(
      `${phase.name}: warm-up ${sizes.warmup}, then ${sizes.requests} requests, ${sizes.inFlight} in flight`,
    );
    const base = { giamsat, seeded, inFlight: sizes.inFlight, budgetMs, progress };
    const warmup = await phase.run({ ...base, requests: sizes.warmup });
    results.push({ warmup, measured: await phase.run({ ...base, requests: sizes.requests }) });
  }

  const print = (line: string): void => console.log(line);
  print('');
  print(
    `Cockpit benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, database ${server.databaseKind}`,
  );
  print('(figures are noisy: two shared cores, other work may run at the same time)');
  print(
    `size: ${seeded.total} instances (${seeded.running} running at a user task, ${seeded.finished} finished), ` +
      `created in ${seconds(createMs)} (${round(seeded.total / (createMs / 1000))}/s); settled ${settleSeconds.toFixed(0)} s later; ` +
      `service RSS ${round(rss / 1_048_576)} MB`,
  );
  print(
    `the engine's search finds ${seeded.searchable} of them (${seeded.searchableFinished} finished)` +
      (seeded.searchable < seeded.total ? ': it keeps only recent finished history searchable' : ''),
  );
  let failures: string[] = [];
  for (const { warmup, measured } of results) {
    print(latencyLine(`${measured.label}, warm-up`, latency(warmup.durations)));
    print(
      latencyLine(
        `${measured.label} (${sizes.inFlight} in flight)`,
        latency(measured.durations),
        measured.targetP95Ms,
      ),
    );
    for (const [kind, durations] of Object.entries(measured.byKind).sort())
      print(latencyLine(`  ${kind}`, latency(durations)));
    failures = [...failures, ...warmup.failures, ...measured.failures];
  }
  const logged = server.logLines();
  if (logged.length > 0) {
    print(`the service logged (warn and above), last lines:`);
    for (const line of logged.slice(-10)) print(`  ${line.slice(0, 300)}`);
  }
  print(`checks: ${failures.length === 0 ? 'every answer as seeded' : `${failures.length} failed`}`);
  for (const failure of failures.slice(0, 15)) print(`  ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

const cleanup = new Cleanup();
cleanup.onSignals();
main(cleanup).then(
  async (code) => {
    await cleanup.run();
    process.exit(code);
  },
  async (error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanup.run();
    process.exit(1);
  },
);
