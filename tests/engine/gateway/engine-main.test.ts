import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClients, createTestDatabase } from '../../support/harness/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const database = createTestDatabase('engine_main');
afterAll(async () => database.drop());

describe('npm run engine (src/engine-main.ts)', () => {
  it('starts on the configured ports, serves both protocols, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/engine-main.ts')], {
      cwd: root,
      env: { ...process.env, MONGODB_URI: database.uri, ENGINE_GRPC_PORT: '0', ENGINE_REST_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').find((entry) => entry.includes('engine ready'));
          if (line) resolve(line);
        });
        void exited.then((code) => reject(new Error(`engine exited early (${code}): ${output}`)));
      });
      const grpcAddress = /grpc=(\S+)/.exec(ready)?.[1];
      const restAddress = /rest=(http:\/\/[^\s"]+)/.exec(ready)?.[1];
      expect(grpcAddress).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(restAddress).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const clients = connectClients({ grpcAddress: String(grpcAddress), restAddress: String(restAddress) });
      expect((await clients.zeebe.topology()).gatewayVersion).toMatch(/^8\.8\./);
      const topology = await clients.rest.getTopology();
      expect(topology.brokers).toHaveLength(1);
      await clients.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);
});
