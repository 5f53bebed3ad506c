import { camundaTaskEngine, type TaskEngine } from '../../../../src/app/inbox/index.js';
import type { EngineProfile } from '../../../../src/engine/index.js';
import { expect } from 'vitest';
import {
  endEvent,
  eventually,
  loose,
  noWait,
  processResource,
  processXml,
  sequence,
  startEvent,
  startTestEngine,
  userTask,
  type TestClients,
} from '../../../support/harness/index.js';

const PROCESS_ID = 'inbox-fixture';
const FORM_ID = 'inbox-fixture-form';

/** One required text field `a`: enough to see the server's validation run before the engine completes. */
const form = {
  id: FORM_ID,
  type: 'default',
  components: [{ type: 'textfield', id: 'Field_a', key: 'a', label: 'A', validate: { required: true } }],
};

const process = processXml(
  PROCESS_ID,
  [
    startEvent('start'),
    userTask('lap', { name: 'Lập báo cáo', candidateGroups: '=groups', formId: FORM_ID }),
    endEvent('end'),
    ...sequence('start', 'lap', 'end'),
  ],
  { name: 'Báo cáo thử' },
);

export interface FixtureTask {
  groups: string[];
  assignee?: string;
  priority?: number;
  dueDate?: string;
  variables?: Record<string, unknown>;
}

export interface TaskEngineFixture {
  /** The inbox's adapter over the SDK's REST client, as the service composes it. */
  engine: TaskEngine;
  clients: TestClients;
  /** Starts one instance and waits for its task; resolves with the task key and its instance key. */
  task(spec: FixtureTask): Promise<{ key: string; processInstanceKey: string }>;
  /** An instance's variable as the engine holds it after completion. */
  variable(processInstanceKey: string, name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The embedded engine over a fresh database, reached through the official clients, with one one-task process. */
export async function startTaskEngineFixture(
  name: string,
  profile?: EngineProfile,
): Promise<TaskEngineFixture> {
  const embedded = await startTestEngine({
    database: `${name}_engine`,
    clients: {},
    ...(profile ? { profile } : {}),
  });
  const { clients, rest } = embedded;
  await clients.zeebe.deployResources([
    processResource(`${PROCESS_ID}.bpmn`, process),
    { name: `${FORM_ID}.form`, form: Buffer.from(JSON.stringify(form)) },
  ]);
  const engine = camundaTaskEngine(rest);

  return {
    engine,
    clients,
    async task(spec) {
      const { processInstanceKey } = await clients.zeebe.createProcessInstance({
        bpmnProcessId: PROCESS_ID,
        variables: { groups: spec.groups, ...spec.variables },
      });
      let key = '';
      for (let attempt = 0; attempt < 1000 && !key; attempt++) {
        const found = await rest.searchUserTasks(loose({ filter: { processInstanceKey } }), noWait);
        key = String(found.items[0]?.userTaskKey ?? '');
        if (!key) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (!key) throw new Error(`no task for instance ${processInstanceKey}`);
      if (spec.priority !== undefined || spec.dueDate !== undefined)
        await rest.updateUserTask(
          loose({ userTaskKey: key, changeset: { priority: spec.priority, dueDate: spec.dueDate } }),
        );
      if (spec.assignee) await rest.assignUserTask(loose({ userTaskKey: key, assignee: spec.assignee }));
      // The set-up is someone else's doing: the task is handed over once the engine's reads show it as set up (under
      // ENGINE_PROFILE=camunda-8.8 they show the previous priority, due date and assignee for a while).
      await eventually(async () => {
        const shown = (await rest.getUserTask(loose({ userTaskKey: key }), noWait)) as unknown as {
          state: string;
          priority?: number;
          dueDate?: string;
          assignee?: string;
        };
        expect(shown.state).toBe('CREATED');
        if (spec.priority !== undefined) expect(shown.priority).toBe(spec.priority);
        if (spec.dueDate !== undefined)
          expect(Date.parse(shown.dueDate ?? '')).toBe(Date.parse(spec.dueDate));
        if (spec.assignee) expect(shown.assignee).toBe(spec.assignee);
      });
      return { key, processInstanceKey: String(processInstanceKey) };
    },
    async variable(processInstanceKey, variableName) {
      const found = await rest.searchVariables(
        loose({ filter: { processInstanceKey, name: variableName } }),
        noWait,
      );
      const value = (found.items[0] as { value?: string } | undefined)?.value;
      return value === undefined ? undefined : JSON.parse(value);
    },
    close: () => embedded.close(),
  };
}
