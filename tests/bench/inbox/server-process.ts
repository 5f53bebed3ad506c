import { createWriteStream } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabaseName } from '../../../src/lib/database.js';
import { startMongoServer } from '../../../src/lib/db/mongo-server.js';
import { freePort } from '../support/engine-process.js';
import { sleep } from '../support/stats.js';
import type { Cleanup } from './cleanup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The app's database on the bench's own server; the engine keeps its state in `<name>-engine` beside it. */
export const BENCH_DATABASE = 'dan-van-bench-inbox';

export interface BenchServer {
  /** http://127.0.0.1:<port> of the app. */
  url: string;
  grpcAddress: string;
  restAddress: string;
  /** The app's database (the one MONGODB_URI names), for seeding. */
  mongoUri: string;
  databaseKind: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of /readyz. */
  startupMs: number;
  rssBytes(): Promise<number>;
  /** Lines the server logged (level warn and above), for the report. */
  logLines(): string[];
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A fresh MongoDB-compatible server (FerretDB, as `npm start` would start it) with its data in a temporary folder, and
 * the real service (`node --import tsx src/main.ts`, what `npm start` runs, without npm in between so the pid is the
 * service's own) pointed at it with MONGODB_URI. DATA_DIR is a temporary folder too, so nothing of a developer's
 * ./data is touched. The database server is the bench's child, not the service's, so the bench can seed the app's
 * database directly; the service's RSS therefore does not include the database.
 */
export async function startBenchServer(
  cleanup: Cleanup,
  progress: (message: string) => void,
): Promise<BenchServer> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'inbox-bench-'));
  cleanup.add(
    'remove the data folder',
    () => rm(workDir, { recursive: true, force: true }),
    () => rmSync(workDir, { recursive: true, force: true }),
  );
  const database = await startMongoServer({ dataDir: path.join(workDir, 'mongo'), log: progress });
  cleanup.add('stop the database server', () => database.stop());
  const mongoUri = withDatabaseName(database.uri, BENCH_DATABASE);
  const ports = { http: await freePort(), grpc: await freePort(), rest: await freePort() };
  const started = Date.now();
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      MONGODB_URI: mongoUri,
      DATA_DIR: path.join(workDir, 'data'),
      PORT: String(ports.http),
      HOST: '127.0.0.1',
      ENGINE_GRPC_PORT: String(ports.grpc),
      ENGINE_REST_PORT: String(ports.rest),
      // Empty = unset for the config: the embedded engine, whatever the developer's shell says.
      ZEEBE_GRPC_ADDRESS: '',
      ZEEBE_REST_ADDRESS: '',
      SMTP_URL: '',
      SEED_DEMO: 'true',
      // BENCH_SERVICE_LOG=<file> keeps the service's whole log (at info: every request with its responseTime).
      LOG_LEVEL: process.env.BENCH_SERVICE_LOG ? 'info' : 'warn',
      // The task notices of the 50,000 imported tasks are sent before measuring (the bench waits for the service to
      // settle), instead of trickling in every 30 s during the measurement.
      TASK_NOTICE_INTERVAL_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.add(
    'stop the service',
    () => stopChild(server, 15_000),
    () => server.kill('SIGKILL'),
  );
  const lines: string[] = [];
  const keep = process.env.BENCH_SERVICE_LOG ? createWriteStream(process.env.BENCH_SERVICE_LOG) : undefined;
  const collect = (chunk: Buffer): void => {
    keep?.write(chunk);
    for (const line of chunk.toString().split('\n'))
      if (line.trim() && !line.includes('"level":30')) lines.push(line.slice(0, 2000));
    if (lines.length > 2000) lines.splice(0, lines.length - 2000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  let exited: string | undefined;
  server.once('exit', (code, signal) => (exited = `service exited (${code ?? signal})`));
  const url = `http://127.0.0.1:${ports.http}`;
  for (;;) {
    if (exited) throw new Error(`${exited}:\n${lines.slice(-30).join('\n')}`);
    if (Date.now() - started > 300_000)
      throw new Error(`service not ready in 300 s:\n${lines.slice(-30).join('\n')}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(250);
  }
  return {
    url,
    grpcAddress: `127.0.0.1:${ports.grpc}`,
    restAddress: `http://127.0.0.1:${ports.rest}`,
    mongoUri,
    databaseKind: database.kind,
    pid: server.pid ?? -1,
    startupMs: Date.now() - started,
    async rssBytes() {
      const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) * 1024;
    },
    logLines: () => [...lines],
  };
}
