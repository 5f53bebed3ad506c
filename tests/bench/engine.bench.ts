/**
 * `npm run bench:engine`: the embedded engine in its own process (as `npm run engine` runs it), persisting to
 * FerretDB, driven by @camunda8/sdk over gRPC and REST. Prints one JSON document with the figures beside the
 * targets of issue 3. Sizes: BENCH_INSTANCES (3000), BENCH_IN_FLIGHT (300), BENCH_RATE_SECONDS (20),
 * BENCH_USER_TASKS (10000), BENCH_SEARCHES (200).
 * History (issue 11): BENCH_HISTORY_BYTES_INSTANCES (1000), BENCH_HISTORY_RESTART_INSTANCES (100000),
 * BENCH_HISTORY_SEARCH_INSTANCES (1000000), BENCH_HISTORY_SEARCHES (20); BENCH_ONLY_HISTORY=1 runs only those,
 * BENCH_SKIP_HISTORY=1 all but those.
 * Decisions (issue 12): the throughput of a business-rule task (20-row decision table) and a service task, sized by
 * BENCH_DECISION_INSTANCES (3000); BENCH_ONLY_DECISIONS=1 runs only that phase.
 * `-- --soak 30m [--rate 30]`: the soak mode alone (RSS growth at a steady rate).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startMongoServer } from '../../src/lib/db/mongo-server.js';
import { measureLatency } from './phases/latency.phase.js';
import { measureThroughput } from './phases/throughput.phase.js';
import { measureDecisionThroughput } from './phases/decision-throughput.phase.js';
import { createWaitingUserTasks, measureUserTaskSearch } from './phases/user-tasks.phase.js';
import { BENCH_CLIENTS, connectClients } from '../support/harness/clients.js';
import { freePort, startEngineProcess } from './support/engine-process.js';
import { round, sleep } from './support/stats.js';
import { importFinishedInstances, measureHistorySearch, measureStoredBytes } from './phases/history.phase.js';
import { parseDuration, soak } from './phases/soak.phase.js';

/** mongodb://host:port/?opts + name → mongodb://host:port/name?opts */
function withDatabase(baseUri: string, name: string): string {
  const [host, query] = baseUri.split('?') as [string, string | undefined];
  return `${host.endsWith('/') ? host : `${host}/`}${name}${query ? `?${query}` : ''}`;
}

/** Progress goes to stderr so stdout stays one JSON document. */
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const size = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** Runs one phase; a failure is recorded in the figures instead of losing the phases that worked. */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T | { error: string }> {
  progress(name);
  try {
    const result = await run();
    progress(`${name}: ${JSON.stringify(result)}`);
    return result;
  } catch (error) {
    progress(`${name} failed: ${String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Throughput and latency, on their own database. */
async function jobPhases(baseUri: string, figures: Record<string, unknown>): Promise<void> {
  const ports = { grpc: await freePort(), rest: await freePort() };
  const engine = await startEngineProcess(withDatabase(baseUri, 'engine_bench_jobs'), ports);
  figures.coldStartMs = engine.startupMs;
  const { zeebe } = connectClients(
    { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
    BENCH_CLIENTS,
  );
  try {
    await zeebe.topology();
    // Latency is a steady-state figure, so it is measured before the saturating throughput run: right after that
    // burst the engine is still copying its log into the state collections, which shows in the tail (reported
    // separately below as latencyAt50PerSecondAfterBurst).
    const seconds = size('BENCH_RATE_SECONDS', 20);
    figures.latencyAt50PerSecond = await phase('latency at 50/s, job push', () =>
      measureLatency(zeebe, seconds, 'job-push'),
    );
    figures.latencyAt50PerSecondLongPolling = await phase('latency at 50/s, long-polling worker', () =>
      measureLatency(zeebe, seconds, 'long-polling'),
    );
    figures.throughput = await phase('throughput', () =>
      measureThroughput(zeebe, size('BENCH_INSTANCES', 3000), size('BENCH_IN_FLIGHT', 300)),
    );
    figures.latencyAt50PerSecondAfterBurst = await phase(
      'latency at 50/s right after the burst, job push',
      () => measureLatency(zeebe, seconds, 'job-push'),
    );
  } finally {
    await zeebe.close(2_000).catch(() => undefined);
    await engine.stop();
  }
}

/** Business-rule task + service task throughput, on its own database. */
async function decisionPhases(baseUri: string, figures: Record<string, unknown>): Promise<void> {
  const ports = { grpc: await freePort(), rest: await freePort() };
  const engine = await startEngineProcess(withDatabase(baseUri, 'engine_bench_decisions'), ports);
  const { zeebe } = connectClients(
    { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
    BENCH_CLIENTS,
  );
  try {
    await zeebe.topology();
    const instances = size('BENCH_DECISION_INSTANCES', 3000);
    figures.decisionThroughput = await phase('throughput with a business-rule task', () =>
      measureDecisionThroughput(zeebe, instances, size('BENCH_IN_FLIGHT', 300)),
    );
    // The plain one-service-task figure under the same load, when this phase runs alone: the machine is shared,
    // so the ratio of the two says more than either figure.
    if (process.env.BENCH_ONLY_DECISIONS === '1')
      figures.plainThroughputSameRun = await phase('throughput, one service task (for comparison)', () =>
        measureThroughput(zeebe, instances, size('BENCH_IN_FLIGHT', 300)),
      );
  } finally {
    await zeebe.close(2_000).catch(() => undefined);
    await engine.stop();
  }
}

/** 10,000 instances waiting at user tasks, on a database of their own so restart recovers just them. */
async function userTaskPhases(baseUri: string, figures: Record<string, unknown>): Promise<void> {
  const mongoUri = withDatabase(baseUri, 'engine_bench_tasks');
  const ports = { grpc: await freePort(), rest: await freePort() };
  let engine = await startEngineProcess(mongoUri, ports);
  let clients = connectClients(
    { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
    BENCH_CLIENTS,
  );
  const userTasks = size('BENCH_USER_TASKS', 10_000);
  const result: Record<string, unknown> = { instances: userTasks };
  figures.waitingUserTasks = result;
  try {
    const fillMs = await createWaitingUserTasks(clients.zeebe, userTasks);
    result.createSeconds = round(fillMs / 1000, 2);
    await sleep(1_000);
    result.engineRssMb = { value: round((await engine.rssBytes()) / 1_048_576), target: '<= 400' };
    result.userTaskSearch = await phase('user-task search', () =>
      measureUserTaskSearch(engine.restAddress, size('BENCH_SEARCHES', 200)),
    );
    progress('restart');
    await clients.zeebe.close(2_000);
    await engine.stop();
    engine = await startEngineProcess(mongoUri, ports);
    clients = connectClients(
      { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
      BENCH_CLIENTS,
    );
    result.restartToReadyMs = { value: engine.startupMs, target: '<= 10000' };
    result.engineRssAfterRestartMb = round((await engine.rssBytes()) / 1_048_576);
    result.searchAfterRestart = await phase('user-task search after restart', () =>
      measureUserTaskSearch(engine.restAddress, 20),
    );
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await clients.zeebe.close(2_000).catch(() => undefined);
    await engine.stop();
  }
}

/** Stored bytes per finished instance, restart-to-ready and instance search over imported history. */
async function historyPhases(baseUri: string, figures: Record<string, unknown>): Promise<void> {
  const result: Record<string, unknown> = {};
  figures.history = result;
  const ports = { grpc: await freePort(), rest: await freePort() };
  const bytesUri = withDatabase(baseUri, 'engine_bench_history_bytes');
  let engine = await startEngineProcess(bytesUri, ports);
  const clients = connectClients(
    { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
    BENCH_CLIENTS,
  );
  result.storedBytes = await phase('stored bytes per finished instance', () =>
    measureStoredBytes(
      clients.zeebe,
      engine.restAddress,
      bytesUri,
      size('BENCH_HISTORY_BYTES_INSTANCES', 1000),
      async () => {
        await clients.zeebe.close(2_000).catch(() => undefined);
        await engine.stop();
      },
    ),
  );

  const restartUri = withDatabase(baseUri, 'engine_bench_history_restart');
  const restartCount = size('BENCH_HISTORY_RESTART_INSTANCES', 100_000);
  result.restart = await phase(`restart-to-ready with ${restartCount} finished instances`, async () => {
    // The same start on the empty database first: what the process and its connection take anyway.
    engine = await startEngineProcess(restartUri, ports);
    const emptyMs = engine.startupMs;
    await engine.stop();
    const importMs = await importFinishedInstances(restartUri, restartCount, true, (done) =>
      progress(`imported ${done}`),
    );
    engine = await startEngineProcess(restartUri, ports);
    const startupMs = engine.startupMs;
    await engine.stop();
    return {
      finishedInstances: restartCount,
      importSeconds: round(importMs / 1000),
      restartToReadyMs: startupMs,
      restartToReadyEmptyMs: emptyMs,
      target: '<= 5000',
    };
  });

  const searchUri = withDatabase(baseUri, 'engine_bench_history_search');
  const searchCount = size('BENCH_HISTORY_SEARCH_INSTANCES', 1_000_000);
  result.search = await phase(`instance search over ${searchCount} finished instances`, async () => {
    const importMs = await importFinishedInstances(
      searchUri,
      searchCount,
      false,
      (done) => progress(`imported ${done}`),
      false,
    );
    engine = await startEngineProcess(searchUri, ports);
    try {
      return {
        importSeconds: round(importMs / 1000),
        ...(await measureHistorySearch(engine.restAddress, size('BENCH_HISTORY_SEARCHES', 20), searchCount)),
      };
    } finally {
      await engine.stop();
    }
  });
}

/** `--soak 30m [--rate 30]`: one engine, a steady rate, RSS each minute. */
async function soakMode(baseUri: string, figures: Record<string, unknown>, args: string[]): Promise<void> {
  const duration = parseDuration(args[args.indexOf('--soak') + 1] ?? '');
  const rateIndex = args.indexOf('--rate');
  const rate = rateIndex >= 0 ? Number(args[rateIndex + 1]) : 30;
  const ports = { grpc: await freePort(), rest: await freePort() };
  const engine = await startEngineProcess(withDatabase(baseUri, 'engine_bench_soak'), ports);
  const { zeebe } = connectClients(
    { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress },
    BENCH_CLIENTS,
  );
  try {
    figures.soak = await phase('soak', () => soak(zeebe, () => engine.rssBytes(), duration, rate, progress));
  } finally {
    await zeebe.close(2_000).catch(() => undefined);
    await engine.stop();
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'engine-bench-db-'));
  const database = await startMongoServer({ dataDir });
  const figures: Record<string, unknown> = {
    database: database.kind,
    node: process.version,
    cpus: os.cpus().length,
  };
  const args = process.argv.slice(2);
  try {
    if (args.includes('--soak')) await soakMode(database.uri, figures, args);
    else if (process.env.BENCH_ONLY_DECISIONS === '1') await decisionPhases(database.uri, figures);
    else {
      const onlyHistory = process.env.BENCH_ONLY_HISTORY === '1';
      if (!onlyHistory && process.env.BENCH_SKIP_JOBS !== '1') {
        await jobPhases(database.uri, figures);
        await decisionPhases(database.uri, figures);
      }
      if (!onlyHistory) await userTaskPhases(database.uri, figures);
      if (process.env.BENCH_SKIP_HISTORY !== '1') await historyPhases(database.uri, figures);
    }
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
