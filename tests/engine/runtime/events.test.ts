import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  element,
  endEvent,
  extensions,
  flow,
  instanceState,
  message,
  messageDefinition,
  pollUntil,
  serviceTask,
  signal,
  signalDefinition,
  startEvent,
  timerDefinition,
  useEngineCore,
} from '../../support/harness/index.js';

describe('timers, messages, signals, event-based gateway', () => {
  const instancesOf = async (bpmnProcessId: string) =>
    (await h.engine.searchProcessInstances({ filter: { processDefinitionId: bpmnProcessId } })).items;

  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile('wait', [
        startEvent('s'),
        element('bpmn:intermediateCatchEvent', { id: 't' }, timerDefinition('timeDuration', 'PT1H')),
        endEvent('e'),
        flow('s', 't', { id: 'f0' }),
        flow('t', 'e', { id: 'f1' }),
      ]),
      bpmnFile('boundary', [
        startEvent('s'),
        serviceTask('w', 'slow'),
        element(
          'bpmn:boundaryEvent',
          { id: 'late', attachedToRef: 'w' },
          timerDefinition('timeDuration', 'PT5M'),
        ),
        element('bpmn:userTask', { id: 'remind' }, extensions(element('zeebe:userTask'))),
        element(
          'bpmn:boundaryEvent',
          { id: 'nag', attachedToRef: 'remind', cancelActivity: 'false' },
          timerDefinition('timeCycle', 'R/PT1M'),
        ),
        endEvent('e1'),
        endEvent('e2'),
        endEvent('e3'),
        flow('s', 'w', { id: 'f0' }),
        flow('w', 'e1', { id: 'f1' }),
        flow('late', 'remind', { id: 'f2' }),
        flow('remind', 'e2', { id: 'f3' }),
        flow('nag', 'e3', { id: 'f4' }),
      ]),
      bpmnFile(
        'msg',
        [
          startEvent('s'),
          element('bpmn:intermediateCatchEvent', { id: 'c' }, messageDefinition('m1')),
          element('bpmn:receiveTask', { id: 'r', messageRef: 'm2' }),
          endEvent('e'),
          flow('s', 'c', { id: 'f0' }),
          flow('c', 'r', { id: 'f1' }),
          flow('r', 'e', { id: 'f2' }),
        ],
        { roots: `${message('m1', 'paid', '=orderId')}${message('m2', 'shipped', '=orderId')}` },
      ),
      bpmnFile(
        'msg-start',
        [
          startEvent('s', messageDefinition('ms')),
          serviceTask('w', 'started-by-message'),
          flow('s', 'w', { id: 'f0' }),
        ],
        { roots: message('ms', 'report-submitted') },
      ),
      bpmnFile(
        'signals',
        [
          startEvent('s'),
          element('bpmn:intermediateCatchEvent', { id: 'c' }, signalDefinition('sig')),
          endEvent('e'),
          flow('s', 'c', { id: 'f0' }),
          flow('c', 'e', { id: 'f1' }),
        ],
        { roots: signal('sig', 'go') },
      ),
      bpmnFile(
        'signal-start',
        [
          startEvent('s', signalDefinition('sig2')),
          serviceTask('w', 'signal-started'),
          flow('s', 'w', { id: 'f0' }),
        ],
        { roots: signal('sig2', 'go') },
      ),
      bpmnFile(
        'ebg',
        [
          startEvent('s'),
          element('bpmn:eventBasedGateway', { id: 'g' }),
          element('bpmn:intermediateCatchEvent', { id: 'answer' }, messageDefinition('ma')),
          element('bpmn:intermediateCatchEvent', { id: 'timeout' }, timerDefinition('timeDuration', 'P1D')),
          endEvent('e1'),
          endEvent('e2'),
          flow('s', 'g', { id: 'f0' }),
          flow('g', 'answer', { id: 'f1' }),
          flow('g', 'timeout', { id: 'f2' }),
          flow('answer', 'e1', { id: 'f3' }),
          flow('timeout', 'e2', { id: 'f4' }),
        ],
        { roots: message('ma', 'answer', '=requestId') },
      ),
    ]);
  });

  it('an intermediate timer fires when the clock passes its due date', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'wait' });
    h.clock.advance(59 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('ACTIVE');
    h.clock.advance(60_000);
    await pollUntil(
      () => instanceState(h.engine, created.processInstanceKey),
      (state) => state === 'COMPLETED',
    );
  });

  it('a timer start cycle R3/PT10M starts exactly three instances', async () => {
    await h.engine.deploy([
      bpmnFile('cycle', [
        startEvent('s', timerDefinition('timeCycle', 'R3/PT10M')),
        serviceTask('w', 'cycle-work'),
        flow('s', 'w', { id: 'f0' }),
      ]),
    ]);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(10 * 60_000);
      await pollUntil(
        () => instancesOf('cycle'),
        (items) => items.length === Math.min(3, i + 1),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await instancesOf('cycle')).toHaveLength(3);
  });

  it('interrupting timer boundary cancels the job; non-interrupting cycle boundary repeats', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'boundary' });
    const [job] = await h.engine.activateJobs({
      type: 'slow',
      worker: 'w',
      timeoutMs: 3_600_000,
      maxJobsToActivate: 1,
    });
    h.clock.advance(5 * 60_000);
    await pollUntil(
      async () =>
        (await h.engine.searchUserTasks({ filter: { processInstanceKey: created.processInstanceKey } }))
          .total,
      (n) => n === 1,
    );
    await expect(h.engine.completeJob(job!.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    h.clock.advance(60_000);
    await pollUntil(
      () =>
        h.engine
          .records(created.processInstanceKey)
          .filter((r) => r.elementId === 'nag' && r.intent === 'ELEMENT_COMPLETED').length,
      (n) => n === 1,
    );
    h.clock.advance(60_000);
    await pollUntil(
      () =>
        h.engine
          .records(created.processInstanceKey)
          .filter((r) => r.elementId === 'nag' && r.intent === 'ELEMENT_COMPLETED').length,
      (n) => n === 2,
    );
    const task = (
      await h.engine.searchUserTasks({ filter: { processInstanceKey: created.processInstanceKey } })
    ).items[0]!;
    await h.engine.completeUserTask(task.userTaskKey);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('messages correlate by correlation key; buffered messages wait for their subscription; ids are unique', async () => {
    const one = await h.engine.createInstance({ bpmnProcessId: 'msg', variables: { orderId: 'A-1' } });
    const two = await h.engine.createInstance({ bpmnProcessId: 'msg', variables: { orderId: 'A-2' } });
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'A-1', variables: { amount: 10 } });
    // Buffered: the receive task subscribes later and still gets it, once.
    await h.engine.publishMessage({
      name: 'shipped',
      correlationKey: 'A-1',
      timeToLiveMs: 60_000,
      messageId: 'ship-1',
    });
    await expect(
      h.engine.publishMessage({
        name: 'shipped',
        correlationKey: 'A-1',
        timeToLiveMs: 60_000,
        messageId: 'ship-1',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await instanceState(h.engine, one.processInstanceKey)).toBe('COMPLETED');
    expect(await instanceState(h.engine, two.processInstanceKey)).toBe('ACTIVE');
    const amount = await h.engine.searchVariables({
      filter: { processInstanceKey: one.processInstanceKey, name: 'amount' },
    });
    expect(amount.items[0]!.value).toBe('10');
    await expect(h.engine.correlateMessage({ name: 'paid', correlationKey: 'nobody' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    const correlated = await h.engine.correlateMessage({ name: 'paid', correlationKey: 'A-2' });
    expect(correlated.processInstanceKey).toBe(two.processInstanceKey);
  });

  it('a message start event creates one instance per correlation key while it is active', async () => {
    await h.engine.publishMessage({
      name: 'report-submitted',
      correlationKey: 'unit-7',
      variables: { unit: 7 },
    });
    await h.engine.publishMessage({ name: 'report-submitted', correlationKey: 'unit-7' });
    await h.engine.publishMessage({ name: 'report-submitted', correlationKey: 'unit-8' });
    const items = await instancesOf('msg-start');
    expect(items).toHaveLength(2);
    const jobs = await h.engine.activateJobs({
      type: 'started-by-message',
      worker: 'w',
      timeoutMs: 1000,
      maxJobsToActivate: 5,
    });
    expect(jobs.map((j) => j.variables['unit'])).toContain(7);
  });

  it('signals reach catch events and signal start events', async () => {
    const waiting = await h.engine.createInstance({ bpmnProcessId: 'signals' });
    await h.engine.broadcastSignal({ signalName: 'go', variables: { via: 'signal' } });
    expect(await instanceState(h.engine, waiting.processInstanceKey)).toBe('COMPLETED');
    expect(await instancesOf('signal-start')).toHaveLength(1);
  });

  it('event-based gateway: the first event wins and the other subscription closes', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'ebg', variables: { requestId: 'r1' } });
    await h.engine.publishMessage({ name: 'answer', correlationKey: 'r1' });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const ids = h.engine
      .records(created.processInstanceKey)
      .filter((r) => r.intent === 'ELEMENT_COMPLETED')
      .map((r) => r.elementId);
    expect(ids).toContain('e1');
    expect(ids).not.toContain('timeout');
    const late = await h.engine.createInstance({ bpmnProcessId: 'ebg', variables: { requestId: 'r2' } });
    h.clock.advance(86_400_000);
    await pollUntil(
      () => instanceState(h.engine, late.processInstanceKey),
      (state) => state === 'COMPLETED',
    );
    await expect(h.engine.correlateMessage({ name: 'answer', correlationKey: 'r2' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
