/**
 * `npm run bench:engine`: the embedded engine in its own process (as `npm run engine` runs it), persisting to
 * FerretDB, driven by @camunda8/sdk over gRPC and REST. Prints one JSON document with the figures beside the
 * targets of issue 3. Sizes: BENCH_INSTANCES (3000), BENCH_IN_FLIGHT (300), BENCH_RATE_SECONDS (20),
 * BENCH_USER_TASKS (10000), BENCH_SEARCHES (200).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startMongoServer } from '../../src/lib/db/mongo-server.js';
import { measureLatency } from './phases/latency.phase.js';
import { measureThroughput } from './phases/throughput.phase.js';
import { createWaitingUserTasks, measureUserTaskSearch } from './phases/user-tasks.phase.js';
import { connect } from './support/clients.js';
import { freePort, startEngineProcess } from './support/engine-process.js';
import { round, sleep } from './support/stats.js';

/** mongodb://host:port/?opts + name → mongodb://host:port/name?opts */
function withDatabase(baseUri: string, name: string): string {
  const [host, query] = baseUri.split('?') as [string, string | undefined];
  return `${host.endsWith('/') ? host : `${host}/`}${name}${query ? `?${query}` : ''}`;
}

/** Progress goes to stderr so stdout stays one JSON document. */
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const size = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'engine-bench-db-'));
  const database = await startMongoServer({ dataDir });
  const mongoUri = withDatabase(database.uri, 'engine_bench');
  const ports = { grpc: await freePort(), rest: await freePort() };
  const figures: Record<string, unknown> = {
    database: database.kind,
    node: process.version,
    cpus: os.cpus().length,
  };
  let engine = await startEngineProcess(mongoUri, ports);
  figures.coldStartMs = engine.startupMs;
  let clients = connect(engine.grpcAddress, engine.restAddress);
  try {
    await clients.zeebe.topology();
    progress('throughput');
    figures.throughput = await measureThroughput(
      clients.zeebe,
      size('BENCH_INSTANCES', 3000),
      size('BENCH_IN_FLIGHT', 300),
    );
    progress('latency at 50/s, job push');
    figures.latencyAt50PerSecond = await measureLatency(
      clients.zeebe,
      size('BENCH_RATE_SECONDS', 20),
      'job-push',
    );
    progress('latency at 50/s, long-polling worker');
    figures.latencyAt50PerSecondLongPolling = await measureLatency(
      clients.zeebe,
      size('BENCH_RATE_SECONDS', 20),
      'long-polling',
    );

    const userTasks = size('BENCH_USER_TASKS', 10_000);
    progress(`creating ${userTasks} waiting user tasks`);
    const fillMs = await createWaitingUserTasks(clients.zeebe, userTasks);
    await sleep(1_000);
    const rssBefore = await engine.rssBytes();
    progress('user-task search');
    const search = await measureUserTaskSearch(engine.restAddress, size('BENCH_SEARCHES', 200));

    progress('restart');
    await clients.zeebe.close(2_000);
    await engine.stop();
    engine = await startEngineProcess(mongoUri, ports);
    clients = connect(engine.grpcAddress, engine.restAddress);
    await clients.zeebe.topology();
    const searchAfterRestart = await measureUserTaskSearch(engine.restAddress, 20);
    figures.waitingUserTasks = {
      instances: userTasks,
      createSeconds: round(fillMs / 1000, 2),
      engineRssMb: { value: round(rssBefore / 1_048_576), target: '<= 400' },
      userTaskSearch: search,
      restartToReadyMs: { value: engine.startupMs, target: '<= 10000' },
      engineRssAfterRestartMb: round((await engine.rssBytes()) / 1_048_576),
      searchAfterRestartP95Ms: searchAfterRestart.p95Ms,
    };
  } finally {
    await clients.zeebe.close(2_000).catch(() => undefined);
    await engine.stop();
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
