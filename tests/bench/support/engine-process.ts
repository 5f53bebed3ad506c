import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The engine as `npm run engine` runs it, in its own process so its resident memory is its own. */
export interface EngineProcess {
  grpcAddress: string;
  restAddress: string;
  /** ms from spawn until the engine logged that it is ready (recovered and listening). */
  startupMs: number;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export async function startEngineProcess(
  mongoUri: string,
  ports: { grpc: number; rest: number },
): Promise<EngineProcess> {
  const started = Date.now();
  // node --import tsx directly (not npx), so the pid is the engine's own process.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/engine-main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        MONGODB_URI: mongoUri,
        ENGINE_GRPC_PORT: String(ports.grpc),
        ENGINE_REST_PORT: String(ports.rest),
        ENGINE_HOST: '127.0.0.1',
        ENGINE_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine not ready in 300 s: ${stderr}`));
    }, 300_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('engine ready')) {
        clearTimeout(timeout);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`engine exited with ${code}: ${stderr}`));
    });
  });
  const startupMs = Date.now() - started;
  child.stdout?.resume();
  return {
    grpcAddress: `127.0.0.1:${ports.grpc}`,
    restAddress: `http://127.0.0.1:${ports.rest}`,
    startupMs,
    async rssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
