import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import mongoose, { type Connection } from 'mongoose';
import { expect } from 'vitest';
import {
  ControllableClock,
  startEmbeddedEngine,
  type EngineWithGateways,
} from '../../../src/engine/index.js';
import { OrganisationDirectory } from '../../../src/app/organisation/index.js';
import type { RecordStore } from '../../../src/app/records/index.js';
import type { Notifier } from '../../../src/app/notifications/index.js';
import { startProcessAutomation } from '../../../src/workers/index.js';
import type { Clock } from '../../../src/lib/clock.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../../support/harness/index.js';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
export const noWait = { consistency: { waitUpToMs: 0 } };
export const loose = <T>(value: T): never => value as never;
const root = path.resolve(import.meta.dirname, '../../..');

export interface UserTask {
  userTaskKey: string;
  elementId: string;
  candidateGroups?: string[];
  processInstanceKey: string;
}

/** The whole service as the tests see it: engine, workers, app database, SMTP server, all real. */
export interface ScenarioHarness {
  clock: ControllableClock;
  zeebe: ZeebeClient;
  rest: CamundaClientLoose;
  connection: Connection;
  directory: OrganisationDirectory;
  records: RecordStore;
  notifier: Notifier;
  smtp: SmtpSink;
  restartEngine(): Promise<void>;
  /** Stops the workers and the engine, then starts both again as `npm start` does (deploying again). */
  restartService(): Promise<void>;
  openTasks(processInstanceKey: string): Promise<UserTask[]>;
  /** Waits for the open task of `elementId` (and of a group, for per-unit tasks) and completes it. */
  complete(
    processInstanceKey: string,
    elementId: string,
    variables: Record<string, unknown>,
    group?: string,
  ): Promise<UserTask>;
  waitForTask(processInstanceKey: string, elementId: string, group?: string): Promise<UserTask>;
  state(processInstanceKey: string): Promise<string>;
  close(): Promise<void>;
}

export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw lastError;
}

const plainHasher = {
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
};

export async function startScenario(start: string): Promise<ScenarioHarness> {
  const engineDb: TestDatabase = createTestDatabase('scen_engine');
  const appDb: TestDatabase = createTestDatabase('scen_app');
  const clock = new ControllableClock(start);
  const appClock: Clock = { now: () => new Date(clock.now()) };
  let engine: EngineWithGateways = await startEmbeddedEngine({
    mongoUri: engineDb.uri,
    grpcPort: 0,
    restPort: 0,
    clock,
  });
  const ports = {
    grpc: Number(engine.grpcAddress.split(':').pop()),
    rest: Number(engine.restAddress.split(':').pop()),
  };
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.grpcAddress}`,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    CAMUNDA_REST_ADDRESS: engine.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    CAMUNDA_SDK_VALIDATION: 'req:none,res:none',
    CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS: 500,
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 100 },
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zeebe = c8.getZeebeGrpcApiClient();
  const rest = c8.getOrchestrationClusterApiClientLoose();
  const connection = await mongoose.createConnection(appDb.uri).asPromise();
  const directory = new OrganisationDirectory(connection, appClock, plainHasher);
  const smtp = await startSmtpSink();
  // The same start-up as `npm start`: deploy processes/ and forms/, then run every worker.
  const startAutomation = () =>
    startProcessAutomation({
      zeebe,
      connection,
      directory,
      clock: appClock,
      smtpUrl: smtp.url,
      resourceRoot: root,
      pollIntervalMs: 100,
    });
  let automation = await startAutomation();
  const records = automation.records;

  const openTasks = async (processInstanceKey: string): Promise<UserTask[]> => {
    const found = await rest.searchUserTasks(
      loose({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 100 } }),
      noWait,
    );
    return found.items as unknown as UserTask[];
  };
  const waitForTask = (processInstanceKey: string, elementId: string, group?: string) =>
    eventually(async () => {
      const task = (await openTasks(processInstanceKey)).find(
        (t) => t.elementId === elementId && (!group || (t.candidateGroups ?? []).includes(group)),
      );
      expect(task, `open task ${elementId} ${group ?? ''}`).toBeDefined();
      return task!;
    });

  const restartEngine = async () => {
    await engine.close();
    engine = await startEmbeddedEngine({
      mongoUri: engineDb.uri,
      grpcPort: ports.grpc,
      restPort: ports.rest,
      clock,
    });
  };

  return {
    clock,
    zeebe,
    rest,
    connection,
    directory,
    records,
    get notifier() {
      return automation.notifier;
    },
    smtp,
    openTasks,
    waitForTask,
    async complete(processInstanceKey, elementId, variables, group) {
      const task = await waitForTask(processInstanceKey, elementId, group);
      await rest.completeUserTask(loose({ userTaskKey: task.userTaskKey, variables }));
      return task;
    },
    async state(processInstanceKey) {
      return (await rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
    },
    restartEngine,
    async restartService() {
      await automation.close();
      await restartEngine();
      automation = await startAutomation();
      const versions = (automation.deployment?.processes ?? []).map((p) => p.version);
      expect(
        versions.length > 0 && versions.every((version) => version === 1),
        'redeploying unchanged files keeps version 1',
      ).toBe(true);
    },
    async close() {
      await automation.close();
      await zeebe.close(2_000).catch(() => undefined);
      await c8.closeAllClients().catch(() => undefined);
      await engine.close();
      await smtp.close();
      await connection.close();
      await engineDb.drop();
      await appDb.drop();
    },
  };
}
