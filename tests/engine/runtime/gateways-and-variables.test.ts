import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  element,
  endEvent,
  flow,
  instanceState,
  serviceTask,
  startEvent,
  type TestEngineCore,
  useEngineCore,
} from '../../support/harness/index.js';

async function takeJob(h: TestEngineCore, type: string) {
  const [job] = await h.engine.activateJobs({ type, worker: 't', timeoutMs: 60_000, maxJobsToActivate: 1 });
  if (!job) throw new Error(`no job of type ${type}`);
  return job;
}

describe('gateways, io mappings and variable propagation', () => {
  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile('xor', [
        startEvent('s'),
        element('bpmn:exclusiveGateway', { id: 'g', default: 'toLow' }),
        serviceTask('high', 'high'),
        serviceTask('low', 'low'),
        endEvent('e1'),
        endEvent('e2'),
        flow('s', 'g', { id: 'f0' }),
        flow('g', 'high', { id: 'toHigh', condition: '=amount > 100' }),
        flow('g', 'low', { id: 'toLow' }),
        flow('high', 'e1', { id: 'f3' }),
        flow('low', 'e2', { id: 'f4' }),
      ]),
      bpmnFile('and', [
        startEvent('s'),
        element('bpmn:parallelGateway', { id: 'fork' }),
        serviceTask('a', 'pa'),
        serviceTask('b', 'pb'),
        element('bpmn:parallelGateway', { id: 'join' }),
        serviceTask('after', 'pafter'),
        endEvent('e'),
        flow('s', 'fork', { id: 'f0' }),
        flow('fork', 'a', { id: 'f1' }),
        flow('fork', 'b', { id: 'f2' }),
        flow('a', 'join', { id: 'f3' }),
        flow('b', 'join', { id: 'f4' }),
        flow('join', 'after', { id: 'f5' }),
        flow('after', 'e', { id: 'f6' }),
      ]),
      bpmnFile('io', [
        startEvent('s'),
        serviceTask('work', 'io-work', {
          extensions: [
            element(
              'zeebe:ioMapping',
              {},
              element('zeebe:input', { source: '=order.id', target: 'orderId' }),
              element('zeebe:input', { source: '=orderId + 1', target: 'next' }),
              element('zeebe:output', { source: '=result * 2', target: 'doubled' }),
              element('zeebe:output', { source: '=next', target: 'nested.next' }),
            ),
          ],
        }),
        serviceTask('check', 'io-check'),
        endEvent('e'),
        flow('s', 'work', { id: 'f0' }),
        flow('work', 'check', { id: 'f1' }),
        flow('check', 'e', { id: 'f2' }),
      ]),
      bpmnFile('bad-io', [
        startEvent('s'),
        serviceTask('work', 'bad-io', {
          extensions: [
            element(
              'zeebe:ioMapping',
              {},
              element('zeebe:input', { source: '=missing.deep + 1', target: 'x' }),
            ),
          ],
        }),
        element('bpmn:exclusiveGateway', { id: 'g' }),
        endEvent('e'),
        flow('s', 'g', { id: 'f0' }),
        flow('g', 'e', { id: 'f1', condition: '=flag' }),
      ]),
    ]);
  });

  it('exclusive gateway takes the first true condition, else the default flow', async () => {
    const high = await h.engine.createInstance({ bpmnProcessId: 'xor', variables: { amount: 500 } });
    const low = await h.engine.createInstance({ bpmnProcessId: 'xor', variables: { amount: 5 } });
    const highJob = await takeJob(h, 'high');
    const lowJob = await takeJob(h, 'low');
    expect(highJob.processInstanceKey).toBe(high.processInstanceKey);
    expect(lowJob.processInstanceKey).toBe(low.processInstanceKey);
  });

  it('exclusive gateway without a true condition and without default raises CONDITION_ERROR, resolvable', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'bad-io', variables: { flag: false } });
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(incidents.items).toEqual([
      expect.objectContaining({ errorType: 'CONDITION_ERROR', elementId: 'g', state: 'ACTIVE' }),
    ]);
    const gatewayKey = incidents.items[0]!.elementInstanceKey;
    await h.engine.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { flag: true },
      local: false,
    });
    await h.engine.resolveIncident(incidents.items[0]!.incidentKey);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const after = await h.engine.searchIncidents({ filter: { elementInstanceKey: gatewayKey } });
    expect(after.items[0]!.state).toBe('RESOLVED');
  });

  it('parallel gateway forks and joins once both branches arrived', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'and' });
    const a = await takeJob(h, 'pa');
    const b = await takeJob(h, 'pb');
    await h.engine.completeJob(a.key, { fromA: 1 });
    expect(
      await h.engine.activateJobs({ type: 'pafter', worker: 't', timeoutMs: 1000, maxJobsToActivate: 1 }),
    ).toHaveLength(0);
    await h.engine.completeJob(b.key, { fromB: 2 });
    const after = await takeJob(h, 'pafter');
    expect(after.variables).toMatchObject({ fromA: 1, fromB: 2 });
    await h.engine.completeJob(after.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const joins = h.engine
      .records(created.processInstanceKey)
      .filter((r) => r.elementId === 'join' && r.intent === 'ELEMENT_ACTIVATED');
    expect(joins).toHaveLength(1);
  });

  it('input mappings create locals (later ones see earlier ones); outputs propagate; locals stay local', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'io', variables: { order: { id: 41 } } });
    const job = await takeJob(h, 'io-work');
    expect(job.variables).toMatchObject({ orderId: 41, next: 42, order: { id: 41 } });
    await h.engine.completeJob(job.key, { result: 5 });
    const check = await takeJob(h, 'io-check');
    expect(check.variables).toEqual({ order: { id: 41 }, doubled: 10, nested: { next: 42 } });
    await h.engine.completeJob(check.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('an input mapping that fails at run time raises IO_MAPPING_ERROR carrying the expression', async () => {
    await h.engine.deploy([
      bpmnFile('io-fail', [
        startEvent('s'),
        serviceTask('work', 'never', {
          extensions: [
            element(
              'zeebe:ioMapping',
              {},
              element('zeebe:input', { source: '=assert(x, x != null)', target: 'y' }),
            ),
          ],
        }),
        endEvent('e'),
        flow('s', 'work', { id: 'f0' }),
        flow('work', 'e', { id: 'f1' }),
      ]),
    ]);
    const created = await h.engine.createInstance({ bpmnProcessId: 'io-fail' });
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(incidents.items[0]).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'work' });
    expect(incidents.items[0]!.errorMessage).toContain('assert(x, x != null)');
    const processes = await h.engine.searchProcessInstances({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(processes.items[0]!.hasIncident).toBe(true);
  });

  it('setVariables local vs propagated', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'io', variables: { order: { id: 1 } } });
    const job = await takeJob(h, 'io-work');
    await h.engine.setVariables({
      elementInstanceKey: job.elementInstanceKey,
      variables: { orderId: 7, fresh: 'p' },
      local: false,
    });
    await h.engine.setVariables({
      elementInstanceKey: job.elementInstanceKey,
      variables: { onlyHere: true },
      local: true,
    });
    const vars = await h.engine.searchVariables({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    const byScope = vars.items
      .map((v) => `${v.scopeKey === created.processInstanceKey ? 'root' : 'task'}:${v.name}=${v.value}`)
      .sort();
    expect(byScope).toEqual([
      'root:fresh="p"',
      'root:order={"id":1}',
      'task:next=2',
      'task:onlyHere=true',
      'task:orderId=7',
    ]);
    await h.engine.cancelInstance(created.processInstanceKey);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('TERMINATED');
    await expect(h.engine.completeJob(job.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
