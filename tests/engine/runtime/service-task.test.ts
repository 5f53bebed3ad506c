import { describe, expect, it } from 'vitest';
import {
  element,
  endEvent,
  flow,
  instanceState,
  processXml,
  serviceTask,
  startEvent,
  useEngineCore,
} from '../../support/harness/index.js';

const PROCESS = Buffer.from(
  processXml('one-task', [
    startEvent('start'),
    serviceTask('work', 'do-work', {
      extensions: [element('zeebe:taskHeaders', {}, element('zeebe:header', { key: 'a.b', value: 'c' }))],
    }),
    endEvent('end'),
    flow('start', 'work', { id: 'f1' }),
    flow('work', 'end', { id: 'f2' }),
  ]),
);

describe('start → service task → end', () => {
  const h = useEngineCore();

  it('deploys, creates, activates and completes a job, and records the lifecycle', async () => {
    const deployment = await h.engine.deploy([{ name: 'one-task.bpmn', content: PROCESS }]);
    expect(deployment.processes).toEqual([
      expect.objectContaining({ bpmnProcessId: 'one-task', version: 1 }),
    ]);
    const again = await h.engine.deploy([{ name: 'one-task.bpmn', content: PROCESS }]);
    expect(again.processes[0]!.version).toBe(1);

    const created = await h.engine.createInstance({ bpmnProcessId: 'one-task', variables: { x: 1 } });
    const jobs = await h.engine.activateJobs({
      type: 'do-work',
      worker: 'w',
      timeoutMs: 10_000,
      maxJobsToActivate: 5,
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      processInstanceKey: created.processInstanceKey,
      elementId: 'work',
      variables: { x: 1 },
      customHeaders: { 'a.b': 'c' },
      retries: 3,
    });
    expect(
      await h.engine.activateJobs({ type: 'do-work', worker: 'w', timeoutMs: 10_000, maxJobsToActivate: 5 }),
    ).toHaveLength(0);

    await h.engine.completeJob(jobs[0]!.key, { y: 2 });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const intents = h.engine.records(created.processInstanceKey).map((r) => `${r.intent}:${r.elementId}`);
    expect(intents).toEqual([
      'ELEMENT_ACTIVATING:one-task',
      'ELEMENT_ACTIVATED:one-task',
      'ELEMENT_ACTIVATING:start',
      'ELEMENT_ACTIVATED:start',
      'ELEMENT_COMPLETING:start',
      'ELEMENT_COMPLETED:start',
      'SEQUENCE_FLOW_TAKEN:f1',
      'ELEMENT_ACTIVATING:work',
      'ELEMENT_ACTIVATED:work',
      'ELEMENT_COMPLETING:work',
      'ELEMENT_COMPLETED:work',
      'SEQUENCE_FLOW_TAKEN:f2',
      'ELEMENT_ACTIVATING:end',
      'ELEMENT_ACTIVATED:end',
      'ELEMENT_COMPLETING:end',
      'ELEMENT_COMPLETED:end',
      'ELEMENT_COMPLETING:one-task',
      'ELEMENT_COMPLETED:one-task',
    ]);
    const variables = await h.engine.searchVariables({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(Object.fromEntries(variables.items.map((v) => [v.name, v.value]))).toEqual({ x: '1', y: '2' });
  });

  it('createInstanceWithResult answers with the variables once the instance completes', async () => {
    const pending = h.engine.createInstanceWithResult(
      { bpmnProcessId: 'one-task', variables: { a: 'x' } },
      { requestTimeoutMs: 5000, fetchVariables: ['b'] },
    );
    let jobs: Awaited<ReturnType<typeof h.engine.activateJobs>> = [];
    for (let i = 0; i < 50 && jobs.length === 0; i++) {
      jobs = await h.engine.activateJobs({
        type: 'do-work',
        worker: 'w',
        timeoutMs: 10_000,
        maxJobsToActivate: 1,
      });
    }
    await h.engine.completeJob(jobs[0]!.key, { b: true });
    const result = await pending;
    expect(result.variables).toEqual({ b: true });
  });

  it('rejects unknown keys and unknown processes', async () => {
    await expect(h.engine.completeJob('123')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.engine.createInstance({ bpmnProcessId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h.engine.deploy([{ name: 'bad.bpmn', content: Buffer.from('<x/>') }])).rejects.toMatchObject(
      { code: 'INVALID_ARGUMENT' },
    );
  });
});
