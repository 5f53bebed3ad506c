/** Shared set-up for runtime tests: a real engine on a fresh FerretDB database, a movable clock, BPMN helpers. */
import { createEngine, type EngineWithRecords } from '../../../src/engine/engine.js';
import { ControllableClock } from '../../../src/engine/clock/controllable-clock.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

export interface Harness {
  engine: EngineWithRecords;
  clock: ControllableClock;
  database: TestDatabase;
  /** Starts another engine on the same database (after closing the first): a restart. */
  restart(): Promise<EngineWithRecords>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = createTestDatabase('rt');
  const clock = new ControllableClock('2026-03-01T00:00:00Z');
  const logger = (level: string, message: string, data?: unknown) => {
    if (level === 'error') console.error(message, data);
  };
  const harness: Harness = {
    engine: await createEngine({ mongoUri: database.uri, clock, logger }),
    clock,
    database,
    async restart() {
      await harness.engine.close();
      harness.engine = await createEngine({ mongoUri: database.uri, clock, logger });
      return harness.engine;
    },
    async close() {
      await harness.engine.close();
      await database.drop();
    },
  };
  return harness;
}

export const ZEEBE_NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" targetNamespace="http://bpmn.io/schema/bpmn"';

/** Wraps process content (flow nodes and flows) into a deployable definitions document. */
export function bpmn(processId: string, body: string, extraRoot = ''): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${ZEEBE_NS} id="defs_${processId}">
  <bpmn:process id="${processId}" isExecutable="true">
${body}
  </bpmn:process>
${extraRoot}
</bpmn:definitions>`,
  );
}

export function flow(id: string, source: string, target: string, condition?: string): string {
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export function serviceTask(id: string, type: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/>${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

/** Polls until the predicate holds (the engine works asynchronously after a clock move or a commit). */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  until: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (until(value)) return value;
    if (Date.now() - start > timeoutMs)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function instanceState(
  engine: EngineWithRecords,
  processInstanceKey: string,
): Promise<string | undefined> {
  const result = await engine.searchProcessInstances({ filter: { processInstanceKey } });
  return result.items[0]?.state;
}
