import { camundaTaskEngine, type TaskEngine } from '../../../../src/app/inbox/index.js';
import { createEngineClients, type EngineClients } from '../../../../src/app/engine-client/engine-clients.js';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../../src/engine/index.js';
import { createTestDatabase, type TestDatabase } from '../../../support/harness/index.js';

const PROCESS_ID = 'inbox-fixture';
const FORM_ID = 'inbox-fixture-form';

/** One required text field `a`: enough to see the server's validation run before the engine completes. */
const form = {
  id: FORM_ID,
  type: 'default',
  components: [{ type: 'textfield', id: 'Field_a', key: 'a', label: 'A', validate: { required: true } }],
};

const processXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_fixture" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_ID}" name="Báo cáo thử" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="lap" name="Lập báo cáo">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="=groups" />
        <zeebe:formDefinition formId="${FORM_ID}" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lap" />
    <bpmn:sequenceFlow id="f2" sourceRef="lap" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

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
  clients: EngineClients;
  /** Starts one instance and waits for its task; resolves with the task key and its instance key. */
  task(spec: FixtureTask): Promise<{ key: string; processInstanceKey: string }>;
  /** An instance's variable as the engine holds it after completion. */
  variable(processInstanceKey: string, name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The embedded engine over a fresh database, reached through the official clients, with one one-task process. */
export async function startTaskEngineFixture(name: string): Promise<TaskEngineFixture> {
  const database: TestDatabase = createTestDatabase(`${name}_engine`);
  const embedded: EngineWithGateways = await startEmbeddedEngine({
    mongoUri: database.uri,
    grpcPort: 0,
    restPort: 0,
  });
  const clients = createEngineClients({
    grpcAddress: embedded.grpcAddress,
    restAddress: embedded.restAddress,
  });
  await clients.zeebe.deployResources([
    { name: `${PROCESS_ID}.bpmn`, process: Buffer.from(processXml) },
    { name: `${FORM_ID}.form`, form: Buffer.from(JSON.stringify(form)) },
  ]);
  const engine = camundaTaskEngine(clients.rest);
  const rest = clients.rest;
  const loose = <T>(value: T): never => value as never;
  const noWait = { consistency: { waitUpToMs: 0 } };

  return {
    engine,
    clients,
    async task(spec) {
      const { processInstanceKey } = await clients.zeebe.createProcessInstance({
        bpmnProcessId: PROCESS_ID,
        variables: { groups: spec.groups, ...spec.variables },
      });
      let key = '';
      for (let attempt = 0; attempt < 200 && !key; attempt++) {
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
    async close() {
      await clients.close();
      await embedded.close();
      await database.drop();
    },
  };
}
