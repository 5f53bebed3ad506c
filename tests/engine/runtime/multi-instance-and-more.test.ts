import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  element,
  endEvent,
  expression,
  extensions,
  flow,
  instanceState,
  serviceTask,
  startEvent,
  useEngineCore,
} from '../../support/harness/index.js';

const mi = (
  attributes: { isSequential?: boolean },
  inputCollection = '=items',
  inputElement = 'item',
  output: { outputCollection?: string; outputElement?: string } = {},
  ...condition: string[]
) =>
  element(
    'bpmn:multiInstanceLoopCharacteristics',
    attributes,
    extensions(element('zeebe:loopCharacteristics', { inputCollection, inputElement, ...output })),
    ...condition,
  );

describe('multi-instance, inclusive gateway, link, terminate, script', () => {
  const takeAll = (type: string) =>
    h.engine.activateJobs({ type, worker: 'w', timeoutMs: 60_000, maxJobsToActivate: 50 });

  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile('mi', [
        startEvent('s'),
        element(
          'bpmn:serviceTask',
          { id: 'each' },
          extensions(element('zeebe:taskDefinition', { type: 'mi-each' })),
          mi({}, '=items', 'item', { outputCollection: 'results', outputElement: '=result' }),
        ),
        serviceTask('after', 'mi-after'),
        endEvent('e'),
        flow('s', 'each', { id: 'f0' }),
        flow('each', 'after', { id: 'f1' }),
        flow('after', 'e', { id: 'f2' }),
      ]),
      bpmnFile('mi-seq', [
        startEvent('s'),
        element(
          'bpmn:serviceTask',
          { id: 'each' },
          extensions(element('zeebe:taskDefinition', { type: 'seq-each' })),
          mi(
            { isSequential: true },
            '=[1,2,3,4]',
            'n',
            {},
            expression('completionCondition', '=numberOfCompletedInstances >= 2'),
          ),
        ),
        endEvent('e'),
        flow('s', 'each', { id: 'f0' }),
        flow('each', 'e', { id: 'f1' }),
      ]),
      bpmnFile('or', [
        startEvent('s'),
        element('bpmn:inclusiveGateway', { id: 'fork', default: 'fd' }),
        serviceTask('a', 'or-a'),
        serviceTask('b', 'or-b'),
        serviceTask('d', 'or-d'),
        element('bpmn:inclusiveGateway', { id: 'join' }),
        serviceTask('after', 'or-after'),
        endEvent('e'),
        flow('s', 'fork', { id: 'f0' }),
        flow('fork', 'a', { id: 'fa', condition: '=wantA' }),
        flow('fork', 'b', { id: 'fb', condition: '=wantB' }),
        flow('fork', 'd', { id: 'fd' }),
        flow('a', 'join', { id: 'ja' }),
        flow('b', 'join', { id: 'jb' }),
        flow('d', 'join', { id: 'jd' }),
        flow('join', 'after', { id: 'fj' }),
        flow('after', 'e', { id: 'fe' }),
      ]),
      bpmnFile('misc', [
        startEvent('s'),
        element(
          'bpmn:scriptTask',
          { id: 'calc' },
          extensions(element('zeebe:script', { expression: '=a + b', resultVariable: 'sum' })),
        ),
        element(
          'bpmn:intermediateThrowEvent',
          { id: 'jump' },
          element('bpmn:linkEventDefinition', { name: 'next' }),
        ),
        element(
          'bpmn:intermediateCatchEvent',
          { id: 'land' },
          element('bpmn:linkEventDefinition', { name: 'next' }),
        ),
        element('bpmn:parallelGateway', { id: 'fork' }),
        serviceTask('never', 'misc-never'),
        endEvent('stop', element('bpmn:terminateEventDefinition')),
        flow('s', 'calc', { id: 'f0' }),
        flow('calc', 'jump', { id: 'f1' }),
        flow('land', 'fork', { id: 'f2' }),
        flow('fork', 'never', { id: 'f3' }),
        flow('fork', 'stop', { id: 'f4' }),
      ]),
    ]);
  });

  it('parallel multi-instance: one inner instance per item with loopCounter; output collection in order', async () => {
    const created = await h.engine.createInstance({
      bpmnProcessId: 'mi',
      variables: { items: ['x', 'y', 'z'] },
    });
    const jobs = await takeAll('mi-each');
    expect(jobs).toHaveLength(3);
    expect(jobs.map((j) => [j.variables['item'], j.variables['loopCounter']])).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    for (const job of [...jobs].reverse())
      await h.engine.completeJob(job.key, { result: `${String(job.variables['item'])}!` });
    const [after] = await takeAll('mi-after');
    expect(after!.variables['results']).toEqual(['x!', 'y!', 'z!']);
    expect(after!.variables).not.toHaveProperty('item');
    await h.engine.completeJob(after!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('an empty collection completes the body at once; a non-list is an incident', async () => {
    const empty = await h.engine.createInstance({ bpmnProcessId: 'mi', variables: { items: [] } });
    const [after] = await takeAll('mi-after');
    expect(after!.processInstanceKey).toBe(empty.processInstanceKey);
    await h.engine.completeJob(after!.key);
    const wrong = await h.engine.createInstance({ bpmnProcessId: 'mi', variables: { items: 'nope' } });
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: wrong.processInstanceKey },
    });
    expect(incidents.items[0]).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'each' });
  });

  it('sequential multi-instance runs one at a time and stops at the completion condition', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'mi-seq' });
    const first = await takeAll('seq-each');
    expect(first.map((j) => j.variables['n'])).toEqual([1]);
    await h.engine.completeJob(first[0]!.key);
    const second = await takeAll('seq-each');
    expect(second.map((j) => j.variables['n'])).toEqual([2]);
    await h.engine.completeJob(second[0]!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    expect(await takeAll('seq-each')).toHaveLength(0);
  });

  it('inclusive gateway forks to true conditions and joins only the tokens that can still arrive', async () => {
    const both = await h.engine.createInstance({
      bpmnProcessId: 'or',
      variables: { wantA: true, wantB: true },
    });
    const a = await takeAll('or-a');
    const b = await takeAll('or-b');
    expect(await takeAll('or-d')).toHaveLength(0);
    await h.engine.completeJob(a[0]!.key);
    expect(await takeAll('or-after')).toHaveLength(0);
    await h.engine.completeJob(b[0]!.key);
    const after = await takeAll('or-after');
    expect(after).toHaveLength(1);
    await h.engine.completeJob(after[0]!.key);
    expect(await instanceState(h.engine, both.processInstanceKey)).toBe('COMPLETED');

    const none = await h.engine.createInstance({
      bpmnProcessId: 'or',
      variables: { wantA: false, wantB: false },
    });
    const d = await takeAll('or-d');
    expect(d[0]!.processInstanceKey).toBe(none.processInstanceKey);
    await h.engine.completeJob(d[0]!.key);
    expect(await takeAll('or-after')).toHaveLength(1);
  });

  it('script task, link events and a terminate end event', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'misc', variables: { a: 2, b: 3 } });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const sum = await h.engine.searchVariables({
      filter: { processInstanceKey: created.processInstanceKey, name: 'sum' },
    });
    expect(sum.items[0]!.value).toBe('5');
    const terminated = h.engine
      .records(created.processInstanceKey)
      .filter((r) => r.intent === 'ELEMENT_TERMINATED')
      .map((r) => r.elementId);
    expect(terminated).toEqual(['never']);
    expect(await takeAll('misc-never')).toHaveLength(0);
  });
});
