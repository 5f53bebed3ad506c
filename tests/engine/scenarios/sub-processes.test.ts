import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  extensions,
  flow,
  loose,
  noWait,
  processXml,
  serviceTask,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const child = processXml('sp-child', [
  startEvent('start'),
  serviceTask('childTask', 'sp-child-task'),
  endEvent('end'),
  flow('start', 'childTask'),
  flow('childTask', 'end'),
]);

const parent = processXml('sp-parent', [
  startEvent('start'),
  element(
    'bpmn:subProcess',
    { id: 'embedded' },
    startEvent('innerStart'),
    endEvent('innerEnd'),
    flow('innerStart', 'innerEnd'),
  ),
  element(
    'bpmn:callActivity',
    { id: 'call' },
    extensions(element('zeebe:calledElement', { processId: 'sp-child', propagateAllChildVariables: 'true' })),
  ),
  endEvent('end'),
  flow('start', 'embedded'),
  flow('embedded', 'call'),
  flow('call', 'end'),
]);

const multi = processXml('sp-multi', [
  startEvent('start'),
  element(
    'bpmn:serviceTask',
    { id: 'perUnit' },
    extensions(element('zeebe:taskDefinition', { type: 'sp-per-unit' })),
    element(
      'bpmn:multiInstanceLoopCharacteristics',
      {},
      extensions(
        element('zeebe:loopCharacteristics', {
          inputCollection: '=units',
          inputElement: 'unit',
          outputCollection: 'reports',
          outputElement: '=report',
        }),
      ),
    ),
  ),
  endEvent('end'),
  flow('start', 'perUnit'),
  flow('perUnit', 'end'),
]);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'sp-child.bpmn', process: Buffer.from(child) },
      { name: 'sp-parent.bpmn', process: Buffer.from(parent) },
      { name: 'sp-multi.bpmn', process: Buffer.from(multi) },
    ]);
  },
);

describe('sub-processes, call activities and multi-instance', () => {
  it('a call activity starts the child process and propagates variables both ways', async () => {
    const worker = harness.zeebe.createWorker({
      taskType: 'sp-child-task',
      taskHandler: (job) => job.complete({ childSaw: String(job.variables.input), fromChild: 'ok' }),
    });
    try {
      const result = await harness.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'sp-parent',
        variables: { input: 'hello' },
      });
      expect(result.variables).toMatchObject({ input: 'hello', childSaw: 'hello', fromChild: 'ok' });
      const children = await harness.rest.searchProcessInstances(
        loose({ filter: { parentProcessInstanceKey: result.processInstanceKey } }),
        noWait,
      );
      expect(children.items).toHaveLength(1);
      expect(children.items[0]).toMatchObject({ processDefinitionId: 'sp-child', state: 'COMPLETED' });
    } finally {
      await worker.close();
    }
  });

  it('a parallel multi-instance task runs once per element and collects the outputs in order', async () => {
    const worker = harness.zeebe.createWorker({
      taskType: 'sp-per-unit',
      taskHandler: (job) => job.complete({ report: `report of ${String(job.variables.unit)}` }),
    });
    try {
      const result = await harness.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'sp-multi',
        variables: { units: ['xa-a', 'xa-b', 'xa-c'] },
      });
      expect(result.variables.reports).toEqual(['report of xa-a', 'report of xa-b', 'report of xa-c']);
    } finally {
      await worker.close();
    }
  });

  it('cancelling the parent terminates the called child instance too', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'sp-parent',
      variables: {},
    });
    const childInstance = await eventually(async () => {
      const found = await harness.rest.searchProcessInstances(
        loose({ filter: { parentProcessInstanceKey: processInstanceKey } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items[0]!;
    });
    await harness.zeebe.cancelProcessInstance(processInstanceKey);
    await eventually(async () => {
      const after = await harness.rest.getProcessInstance(
        loose({ processInstanceKey: childInstance.processInstanceKey }),
        noWait,
      );
      expect(after.state).toBe('TERMINATED');
    });
  });
});
