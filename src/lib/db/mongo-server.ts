import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { ensureFerretDbBinary, whichExecutable } from './ferretdb-binary.js';

export type MongoServerKind = 'mongod' | 'ferretdb' | 'memory';

export interface MongoServerHandle {
  kind: MongoServerKind;
  /** A connection string without a database name, e.g. mongodb://127.0.0.1:40123/ */
  uri: string;
  stop(): Promise<void>;
}

export interface StartMongoServerOptions {
  /** Folder for the data files; created if missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  log?: (message: string) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`database server exited early with code ${code}`));
    });
    const attempt = (): void => {
      if (exited) return;
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new Error(`database server did not listen on ${port} in ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function spawnServer(
  kind: MongoServerKind,
  command: string,
  args: string[],
  port: number,
  log: (message: string) => void,
): Promise<MongoServerHandle> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
  try {
    await waitForPort(port, child, 30_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${stderrTail}`);
  }
  log(`${kind} listening on 127.0.0.1:${port}`);
  return { kind, uri: `mongodb://127.0.0.1:${port}/`, stop: () => stopChild(child) };
}

/**
 * Starts a MongoDB-compatible server for local use, in this order: a `mongod` on PATH; FerretDB (our launcher,
 * built with Go and cached, else a `ferretdb` on PATH); mongodb-memory-server, which downloads MongoDB and so needs
 * the internet.
 */
export async function startMongoServer(options: StartMongoServerOptions): Promise<MongoServerHandle> {
  const log = options.log ?? (() => undefined);
  const port = options.port || (await freePort());
  await mkdir(options.dataDir, { recursive: true });

  const mongod = await whichExecutable('mongod');
  if (mongod) {
    return spawnServer(
      'mongod',
      mongod,
      ['--dbpath', options.dataDir, '--bind_ip', '127.0.0.1', '--port', String(port)],
      port,
      log,
    );
  }

  const sqliteUrl = `file:${options.dataDir.replace(/\/?$/, '/')}`;
  // Our launcher before an official binary: it carries the fix for FerretDB's unindexed `_id` lookups.
  const launcher = await ensureFerretDbBinary(log);
  if (launcher) {
    const args = [`--listen-addr=127.0.0.1:${port}`, `--sqlite-url=${sqliteUrl}`];
    return spawnServer('ferretdb', launcher, args, port, log);
  }
  const officialFerret = await whichExecutable('ferretdb');
  if (officialFerret) {
    log(
      'using the ferretdb on PATH: its lookups by _id scan whole collections (no Go toolchain for our build)',
    );
    const args = ['--handler=sqlite', `--sqlite-url=${sqliteUrl}`, `--listen-addr=127.0.0.1:${port}`];
    args.push('--telemetry=disable', '--state-dir=-', '--debug-addr=-', '--log-level=warn');
    return spawnServer('ferretdb', officialFerret, args, port, log);
  }

  log('no mongod, ferretdb or Go toolchain found: falling back to mongodb-memory-server (downloads MongoDB)');
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const memory = await MongoMemoryServer.create({
    instance: { dbPath: options.dataDir, port, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
  });
  return {
    kind: 'memory',
    uri: memory.getUri().replace(/\/[^/]*$/, '/'),
    stop: async () => {
      await memory.stop({ doCleanup: false });
    },
  };
}
