import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  escalationDefinition,
  eventually,
  flow,
  loose,
  message,
  messageDefinition,
  noWait,
  processXml,
  serviceTask,
  startEvent,
  timerDefinition,
  useTestEngine,
} from '../../support/harness/index.js';

const reminders = processXml('ev-reminders', [
  startEvent('start'),
  serviceTask('task', 'ev-slow'),
  element(
    'bpmn:boundaryEvent',
    { id: 'remind', attachedToRef: 'task', cancelActivity: 'false' },
    timerDefinition('timeCycle', 'R2/PT1H'),
  ),
  element('bpmn:intermediateThrowEvent', { id: 'reminded' }),
  endEvent('remindEnd'),
  endEvent('end'),
  flow('start', 'task'),
  flow('task', 'end'),
  flow('remind', 'reminded'),
  flow('reminded', 'remindEnd'),
]);

const race = processXml(
  'ev-race',
  [
    startEvent('start'),
    element('bpmn:eventBasedGateway', { id: 'race' }),
    element('bpmn:intermediateCatchEvent', { id: 'answer' }, messageDefinition('Message_answer')),
    element('bpmn:intermediateCatchEvent', { id: 'timeout' }, timerDefinition('timeDuration', 'P1D')),
    endEvent('answered'),
    endEvent('timedOut'),
    flow('start', 'race'),
    flow('race', 'answer'),
    flow('race', 'timeout'),
    flow('answer', 'answered'),
    flow('timeout', 'timedOut'),
  ],
  {
    roots: message('Message_answer', 'ev-answer', '=caseId'),
  },
);

const escalation = processXml(
  'ev-escalation',
  [
    startEvent('start'),
    element(
      'bpmn:subProcess',
      { id: 'work' },
      startEvent('innerStart'),
      endEvent('escalate', escalationDefinition('Escalation_late')),
      flow('innerStart', 'escalate'),
    ),
    element(
      'bpmn:boundaryEvent',
      { id: 'caught', attachedToRef: 'work' },
      escalationDefinition('Escalation_late'),
    ),
    endEvent('end'),
    endEvent('escalatedEnd'),
    flow('start', 'work'),
    flow('work', 'end'),
    flow('caught', 'escalatedEnd'),
  ],
  { roots: element('bpmn:escalation', { id: 'Escalation_late', name: 'late', escalationCode: 'LATE' }) },
);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'ev-reminders.bpmn', process: Buffer.from(reminders) },
      { name: 'ev-race.bpmn', process: Buffer.from(race) },
      { name: 'ev-escalation.bpmn', process: Buffer.from(escalation) },
    ]);
  },
);

async function count(processInstanceKey: string, elementId: string): Promise<number> {
  const found = await harness.rest.searchElementInstances(
    loose({ filter: { processInstanceKey, elementId } }),
    noWait,
  );
  return found.items?.length ?? 0;
}

describe('boundary, event-based and escalation events', () => {
  it('a non-interrupting timer cycle fires per cycle while the task stays active', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ev-reminders',
      variables: {},
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    harness.clock.advance(3_600_000 + 1_000);
    await eventually(async () => expect(await count(processInstanceKey, 'remindEnd')).toBe(1));
    harness.clock.advance(3_600_000 + 1_000);
    await eventually(async () => expect(await count(processInstanceKey, 'remindEnd')).toBe(2));
    harness.clock.advance(3_600_000 + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await count(processInstanceKey, 'remindEnd')).toBe(2);
    const [job] = await harness.zeebe.activateJobs({
      type: 'ev-slow',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 2_000,
    });
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
    await eventually(async () => expect(await count(processInstanceKey, 'end')).toBe(1));
  });

  it('an event-based gateway takes the message when it comes first, and the timer otherwise', async () => {
    const first = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ev-race',
      variables: { caseId: 'r-1' },
    });
    const second = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ev-race',
      variables: { caseId: 'r-2' },
    });
    await harness.zeebe.publishMessage({
      name: 'ev-answer',
      correlationKey: 'r-1',
      variables: {},
      timeToLive: 0,
    });
    await eventually(async () => expect(await count(first.processInstanceKey, 'answered')).toBe(1));
    harness.clock.advance(86_400_000 + 1_000);
    await eventually(async () => expect(await count(second.processInstanceKey, 'timedOut')).toBe(1));
    expect(await count(first.processInstanceKey, 'timedOut')).toBe(0);
  });

  it('an escalation end event inside a sub-process is caught by the boundary on it', async () => {
    const result = await harness.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'ev-escalation',
      variables: {},
    });
    expect(await count(result.processInstanceKey, 'escalatedEnd')).toBe(1);
    expect(await count(result.processInstanceKey, 'end')).toBe(0);
  });
});
