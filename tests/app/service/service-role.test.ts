/**
 * Issue 13, item 7: SERVICE_ROLE runs the app without the workers, and the workers without the app, each against a
 * shared engine and database, so each scales on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { ConfigError, loadConfig, type Env } from '../../../src/lib/config.js';
import { startService, type ServiceHandle } from '../../../src/main.js';
import {
  createTestDatabase,
  eventually,
  HttpClient,
  noWait,
  startTestEngine,
  type TestDatabase,
  type TestEngine,
} from '../../support/harness/index.js';

let engine: TestEngine;
let database: TestDatabase;
const started: ServiceHandle[] = [];

const configFor = (role: string, extra: Env = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    MONGODB_URI: database.uri,
    ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    SEED_DEMO: 'true',
    SERVICE_ROLE: role,
    ...extra,
  });

async function start(role: string): Promise<ServiceHandle> {
  const service = await startService(configFor(role));
  started.push(service);
  return service;
}

const deployedProcesses = async (): Promise<string[]> => {
  const found = await engine.rest.searchProcessDefinitions({ filter: {} } as never, noWait as never);
  return (found.items ?? []).map((item) => String(item.processDefinitionId)).sort();
};

beforeAll(async () => {
  engine = await startTestEngine({ database: 'role-engine' });
  database = createTestDatabase('role');
}, 60_000);

afterAll(async () => {
  for (const service of started.reverse()) await service.close();
  await engine?.close();
  await database?.drop();
});

describe('SERVICE_ROLE', () => {
  it('is all by default, and refuses app or workers alone without a remote engine to share', () => {
    expect(loadConfig({}).serviceRole).toBe('all');
    for (const role of ['app', 'workers']) {
      let caught: unknown;
      try {
        loadConfig({ SERVICE_ROLE: role });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).problems.map((problem) => problem.variable)).toEqual(['SERVICE_ROLE']);
    }
    expect(() => loadConfig({ SERVICE_ROLE: 'everything' })).toThrow(/SERVICE_ROLE/);
  });

  it('app: serves the HTTP app and deploys nothing, runs no workers', async () => {
    const app = await start('app');
    expect(app.role).toBe('app');
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    expect((await new HttpClient(app.url).signIn('admin', DEMO_PASSWORD)).status).toBe(200);
    expect(await deployedProcesses()).toEqual([]);
  }, 60_000);

  it('workers: deploys and works the processes with no HTTP server, beside the app', async () => {
    const workers = await start('workers');
    expect(workers.url).toBe('');
    const deployed = await deployedProcesses();
    expect(deployed).toContain('bao-cao-dan-van');
    // A process whose first step is a service task runs through it: the workers process runs its job.
    const instance = await engine.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2026, hanNopBaoCao: '2026-05-20' },
    });
    await eventually(async () => {
      const tasks = await engine.rest.searchUserTasks(
        { filter: { processInstanceKey: String(instance.processInstanceKey) } } as never,
        noWait as never,
      );
      expect(tasks.items.length).toBeGreaterThan(0);
    }, 30_000);
  }, 90_000);
});
