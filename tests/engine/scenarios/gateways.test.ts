import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  extensions,
  flow,
  loose,
  noWait,
  processXml,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const exclusive = processXml('gw-exclusive', [
  startEvent('start'),
  element('bpmn:exclusiveGateway', { id: 'split', default: 'Flow_split_small' }),
  endEvent('big'),
  endEvent('small'),
  flow('start', 'split'),
  flow('split', 'big', { condition: '=amount > 100' }),
  flow('split', 'small'),
]);

const parallel = processXml('gw-parallel', [
  startEvent('start'),
  element('bpmn:parallelGateway', { id: 'fork' }),
  element(
    'bpmn:intermediateThrowEvent',
    { id: 'left' },
    extensions(
      element('zeebe:ioMapping', {}, element('zeebe:output', { source: '="L"', target: 'leftDone' })),
    ),
  ),
  element(
    'bpmn:intermediateThrowEvent',
    { id: 'right' },
    extensions(
      element('zeebe:ioMapping', {}, element('zeebe:output', { source: '="R"', target: 'rightDone' })),
    ),
  ),
  element('bpmn:parallelGateway', { id: 'join' }),
  endEvent('end'),
  flow('start', 'fork'),
  flow('fork', 'left'),
  flow('fork', 'right'),
  flow('left', 'join'),
  flow('right', 'join'),
  flow('join', 'end'),
]);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'gw-exclusive.bpmn', process: Buffer.from(exclusive) },
      { name: 'gw-parallel.bpmn', process: Buffer.from(parallel) },
    ]);
  },
);

async function endedAt(processInstanceKey: string): Promise<string[]> {
  const ends = await harness.rest.searchElementInstances(
    loose({ filter: { processInstanceKey, type: 'END_EVENT' } }),
    noWait,
  );
  return (ends.items ?? []).map((item) => item.elementId);
}

describe('gateways', () => {
  it('an exclusive gateway takes the first true condition, else the default flow', async () => {
    const big = await harness.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'gw-exclusive',
      variables: { amount: 500 },
    });
    const small = await harness.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'gw-exclusive',
      variables: { amount: 5 },
    });
    expect(await endedAt(big.processInstanceKey)).toEqual(['big']);
    expect(await endedAt(small.processInstanceKey)).toEqual(['small']);
  });

  it('a parallel gateway forks both branches and joins them once', async () => {
    const result = await harness.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'gw-parallel',
      variables: {},
    });
    expect(result.variables).toMatchObject({ leftDone: 'L', rightDone: 'R' });
    expect(await endedAt(result.processInstanceKey)).toEqual(['end']);
  });
});
