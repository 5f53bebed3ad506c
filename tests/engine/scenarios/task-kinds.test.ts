import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  extensions,
  flow,
  loose,
  message,
  noWait,
  processXml,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const kinds = processXml(
  'tk-kinds',
  [
    startEvent('start'),
    element(
      'bpmn:scriptTask',
      { id: 'script' },
      extensions(element('zeebe:script', { expression: '=a + b', resultVariable: 'sum' })),
    ),
    element('bpmn:manualTask', { id: 'manual' }),
    element('bpmn:task', { id: 'plain' }),
    element(
      'bpmn:sendTask',
      { id: 'send' },
      extensions(element('zeebe:taskDefinition', { type: 'tk-send' })),
    ),
    element(
      'bpmn:businessRuleTask',
      { id: 'rule' },
      extensions(element('zeebe:taskDefinition', { type: 'tk-rule' })),
    ),
    element('bpmn:receiveTask', { id: 'receive', messageRef: 'Message_ack' }),
    endEvent('end'),
    flow('start', 'script'),
    flow('script', 'manual'),
    flow('manual', 'plain'),
    flow('plain', 'send'),
    flow('send', 'rule'),
    flow('rule', 'receive'),
    flow('receive', 'end'),
  ],
  {
    roots: message('Message_ack', 'tk-ack', '=caseId'),
  },
);

const feelFailure = processXml('tk-feel-error', [
  startEvent('start'),
  element('bpmn:exclusiveGateway', { id: 'decide' }),
  endEvent('yes'),
  endEvent('no'),
  flow('start', 'decide'),
  flow('decide', 'yes', { condition: '=score > 5' }),
  flow('decide', 'no', { condition: '=score <= 5' }),
]);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'tk-kinds.bpmn', process: Buffer.from(kinds) },
      { name: 'tk-feel-error.bpmn', process: Buffer.from(feelFailure) },
    ]);
  },
);

async function state(processInstanceKey: string): Promise<string> {
  return (await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
}

describe('task kinds', () => {
  it('script (FEEL), manual, undefined, send and business-rule (jobs) and receive tasks run in order', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'tk-kinds',
      variables: { a: 2, b: 3, caseId: 'c-1' },
    });
    const [send] = await harness.zeebe.activateJobs({
      type: 'tk-send',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 3_000,
    });
    expect(send?.variables).toMatchObject({ sum: 5 });
    await harness.zeebe.completeJob({ jobKey: send!.key, variables: {} });
    const [rule] = await harness.zeebe.activateJobs({
      type: 'tk-rule',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 3_000,
    });
    await harness.zeebe.completeJob({ jobKey: rule!.key, variables: { verdict: 'ok' } });
    await eventually(async () => {
      const waiting = await harness.rest.searchElementInstances(
        loose({ filter: { processInstanceKey, elementId: 'receive', state: 'ACTIVE' } }),
        noWait,
      );
      expect(waiting.items).toHaveLength(1);
    });
    await harness.zeebe.publishMessage({
      name: 'tk-ack',
      correlationKey: 'c-1',
      variables: {},
      timeToLive: 0,
    });
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
  });

  it('a FEEL error at run time raises an incident naming the expression; fixing the variable and resolving continues', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'tk-feel-error',
      variables: {},
    });
    const incident = await eventually(async () => {
      const found = await harness.rest.searchIncidents(loose({ filter: { processInstanceKey } }), noWait);
      expect(found.items).toHaveLength(1);
      return found.items![0]!;
    });
    expect(incident.elementId).toBe('decide');
    expect(incident.errorType).toBe('CONDITION_ERROR');
    expect(incident.errorMessage).toContain('score > 5');
    await harness.zeebe.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { score: 9 },
      local: false,
    });
    await harness.rest.resolveIncident(loose({ incidentKey: incident.incidentKey }));
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
    const ends = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey, type: 'END_EVENT' } }),
      noWait,
    );
    expect(ends.items?.map((item) => item.elementId)).toEqual(['yes']);
  });
});
