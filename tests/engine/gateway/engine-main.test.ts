import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/harness/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const database = createTestDatabase('engine_main');
afterAll(async () => database.drop());

describe('npm run engine (src/engine/main.ts)', () => {
  it('starts on the configured ports, serves both protocols, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/engine/main.ts')], {
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

      const c8 = new Camunda8({
        ZEEBE_GRPC_ADDRESS: `grpc://${grpcAddress}`,
        CAMUNDA_REST_ADDRESS: restAddress,
        ZEEBE_REST_ADDRESS: restAddress,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_LOG_LEVEL: 'none',
        zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
      } as ConstructorParameters<typeof Camunda8>[0]);
      const zeebe = c8.getZeebeGrpcApiClient();
      expect((await zeebe.topology()).gatewayVersion).toMatch(/^8\.8\./);
      const topology = await c8.getOrchestrationClusterApiClientLoose().getTopology();
      expect(topology.brokers).toHaveLength(1);
      await zeebe.close(1_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);
});
