import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  flow,
  loose,
  message,
  messageDefinition,
  noWait,
  processXml,
  serviceTask,
  signal,
  signalDefinition,
  startEvent,
  timerDefinition,
  useTestEngine,
} from '../../support/harness/index.js';

const monthly = processXml('se-cycle', [
  startEvent('start', timerDefinition('timeCycle', 'R3/2026-03-02T00:00:00Z/P1D')),
  endEvent('end'),
  flow('start', 'end'),
]);

const terminate = processXml('se-terminate', [
  startEvent('start'),
  element('bpmn:parallelGateway', { id: 'fork' }),
  serviceTask('slow', 'se-never'),
  element(
    'bpmn:intermediateThrowEvent',
    { id: 'linkOut' },
    element('bpmn:linkEventDefinition', { name: 'jump' }),
  ),
  element(
    'bpmn:intermediateCatchEvent',
    { id: 'linkIn' },
    element('bpmn:linkEventDefinition', { name: 'jump' }),
  ),
  endEvent('stopAll', element('bpmn:terminateEventDefinition')),
  endEvent('slowEnd'),
  flow('start', 'fork'),
  flow('fork', 'slow'),
  flow('fork', 'linkOut'),
  flow('linkIn', 'stopAll'),
  flow('slow', 'slowEnd'),
]);

const eventSub = processXml(
  'se-event-sub',
  [
    startEvent('start'),
    serviceTask('work', 'se-work'),
    endEvent('end'),
    flow('start', 'work'),
    flow('work', 'end'),
    element(
      'bpmn:subProcess',
      { id: 'onNote', triggeredByEvent: 'true' },
      element(
        'bpmn:startEvent',
        { id: 'noteStart', isInterrupting: 'false' },
        messageDefinition('Message_note'),
      ),
      endEvent('noteEnd'),
      flow('noteStart', 'noteEnd'),
    ),
    element(
      'bpmn:subProcess',
      { id: 'onAbort', triggeredByEvent: 'true' },
      startEvent('abortStart', signalDefinition('Signal_abort')),
      endEvent('abortEnd'),
      flow('abortStart', 'abortEnd'),
    ),
  ],
  {
    roots: [message('Message_note', 'se-note', '=caseId'), signal('Signal_abort', 'se-abort')],
  },
);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T12:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'se-cycle.bpmn', process: Buffer.from(monthly) },
      { name: 'se-terminate.bpmn', process: Buffer.from(terminate) },
      { name: 'se-event-sub.bpmn', process: Buffer.from(eventSub) },
    ]);
  },
);

async function instancesOf(processDefinitionId: string): Promise<number> {
  const found = await harness.rest.searchProcessInstances(loose({ filter: { processDefinitionId } }), noWait);
  return found.items.length;
}

async function count(processInstanceKey: string, elementId: string): Promise<number> {
  const found = await harness.rest.searchElementInstances(
    loose({ filter: { processInstanceKey, elementId } }),
    noWait,
  );
  return found.items?.length ?? 0;
}

describe('start and end events', () => {
  it('a timer start cycle starts one instance per cycle, and no more than its repetitions', async () => {
    expect(await instancesOf('se-cycle')).toBe(0);
    for (const expected of [1, 2, 3]) {
      harness.clock.advance(86_400_000);
      await eventually(async () => expect(await instancesOf('se-cycle')).toBe(expected));
    }
    harness.clock.advance(86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await instancesOf('se-cycle')).toBe(3);
  });

  it('a link event jumps to its catch, and a terminate end event ends the whole instance', async () => {
    const result = await harness.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'se-terminate',
      variables: {},
    });
    expect(await count(result.processInstanceKey, 'stopAll')).toBe(1);
    const slow = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey: result.processInstanceKey, elementId: 'slow' } }),
      noWait,
    );
    expect(slow.items?.[0]?.state).toBe('TERMINATED');
  });

  it('event sub-processes: a non-interrupting message runs beside the work, an interrupting signal ends it', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'se-event-sub',
      variables: { caseId: 'n-1' },
    });
    await harness.zeebe.publishMessage({
      name: 'se-note',
      correlationKey: 'n-1',
      variables: {},
      timeToLive: 0,
    });
    await eventually(async () => expect(await count(processInstanceKey, 'noteEnd')).toBe(1));
    const active = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey, elementId: 'work', state: 'ACTIVE' } }),
      noWait,
    );
    expect(active.items).toHaveLength(1);
    await harness.zeebe.broadcastSignal({ signalName: 'se-abort', variables: {} });
    await eventually(async () => {
      const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
      expect(instance.state).toBe('COMPLETED');
    });
    expect(await count(processInstanceKey, 'abortEnd')).toBe(1);
    expect(await count(processInstanceKey, 'end')).toBe(0);
  });
});
