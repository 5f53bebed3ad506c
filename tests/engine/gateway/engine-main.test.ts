import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connectClients,
  createTestDatabase,
  endEvent,
  flow,
  processXml,
  startEvent,
} from '../../support/harness/index.js';

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

describe('npm run engine without MONGODB_URI', () => {
  it('starts the local database itself, as npm start does, and stops it with the engine', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'engine-alone-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
    };
    delete env.MONGODB_URI;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/engine-main.ts')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').find((entry) => entry.includes('engine ready'));
          if (line) resolve(line);
        });
        void exited.then((code) => reject(new Error(`engine exited early (${code}): ${output}`)));
      });
      expect(output).toContain('local database started');
      const grpcAddress = String(/grpc=(\S+)/.exec(ready)?.[1]);
      const restAddress = String(/rest=(http:\/\/[^\s"]+)/.exec(ready)?.[1]);
      const clients = connectClients({ grpcAddress, restAddress });
      try {
        const deployed = await clients.zeebe.deployResource({
          name: 'alone.bpmn',
          process: Buffer.from(processXml('alone', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
        });
        expect(deployed.deployments[0]).toMatchObject({ process: { bpmnProcessId: 'alone' } });
      } finally {
        await clients.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/\n\s+at /);
    await rm(dataDir, { recursive: true, force: true });
  }, 180_000);
});
