import path from 'node:path';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import mongoose, { type Connection } from 'mongoose';
import { expect } from 'vitest';
import { OrganisationDirectory } from '../../../src/app/organisation/index.js';
import type { RecordStore } from '../../../src/app/records/index.js';
import type { Notifier } from '../../../src/app/notifications/index.js';
import { startProcessAutomation } from '../../../src/workers/index.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import {
  appClockOf,
  createTestDatabase,
  eventually as eventuallyEvery,
  loose,
  noWait,
  startTestEngine,
  type ControllableClock,
  type ZeebeClient,
  useBeforeAll,
} from '../../support/harness/index.js';
import { seedOrganisation } from './organisation-fixture.js';

export { loose, noWait };
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
  /**
   * A variable of the instance, whole and parsed, once the engine's search shows it: under ENGINE_PROFILE=camunda-8.8
   * searches lag behind, so a variable just written may not be there at the first read.
   */
  variable<T>(processInstanceKey: string, name: string): Promise<T>;
  /** The instance's state, or undefined while the engine's search does not show it yet. */
  state(processInstanceKey: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The harness's `eventually`, with the patience a whole process needs (20 s, every 100 ms). */
export function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  return eventuallyEvery(check, timeoutMs, 100);
}

const plainHasher = {
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
};

export async function startScenario(start: string): Promise<ScenarioHarness> {
  const engine = await startTestEngine({
    database: 'scen_engine',
    clock: start,
    clients: { validation: 'req:none,res:none', workerPollIntervalMs: 100, workerMaxBackoffMs: 500 },
  });
  const { clock, zeebe, rest } = engine;
  const appDb = createTestDatabase('scen_app');
  const appClock = appClockOf(clock);
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

  const restartEngine = () => engine.restart();

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
    variable: <T>(processInstanceKey: string, name: string) =>
      eventually(async () => {
        const found = await rest.searchVariables(
          loose({ filter: { processInstanceKey, name }, truncateValues: false }),
          noWait,
        );
        const item = found.items.find((each) => each.name === name);
        expect(item, `variable ${name}`).toBeDefined();
        return JSON.parse(String(item!.value)) as T;
      }),
    async complete(processInstanceKey, elementId, variables, group) {
      const task = await waitForTask(processInstanceKey, elementId, group);
      await rest.completeUserTask(loose({ userTaskKey: task.userTaskKey, variables }));
      return task;
    },
    async state(processInstanceKey) {
      // Under ENGINE_PROFILE=camunda-8.8 an instance is not found until its export shows (as on Camunda).
      const found = await rest.searchProcessInstances(loose({ filter: { processInstanceKey } }), noWait);
      return (found.items[0] as { state?: string } | undefined)?.state;
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
      await engine.close();
      await smtp.close();
      await connection.close();
      await appDb.drop();
    },
  };
}

/**
 * The scenario harness for the file's tests: started before them (with the test organisation when asked), closed
 * after them.
 */
export function useScenario(start: string, options: { organisation?: boolean } = {}): ScenarioHarness {
  return useBeforeAll(async () => {
    const h = await startScenario(start);
    if (options.organisation) await seedOrganisation(h.directory);
    return h;
  }, 120_000);
}
