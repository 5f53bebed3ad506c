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
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const waitForPayment = processXml(
  'msg-catch',
  [
    startEvent('start'),
    element('bpmn:intermediateCatchEvent', { id: 'paid' }, messageDefinition('Message_paid')),
    endEvent('end'),
    flow('start', 'paid'),
    flow('paid', 'end'),
  ],
  {
    roots: message('Message_paid', 'payment-received', '=orderId'),
  },
);

const startedByMessage = processXml(
  'msg-start',
  [startEvent('start', messageDefinition('Message_report')), endEvent('end'), flow('start', 'end')],
  { roots: message('Message_report', 'report-submitted') },
);

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'msg-catch.bpmn', process: Buffer.from(waitForPayment) },
      { name: 'msg-start.bpmn', process: Buffer.from(startedByMessage) },
    ]);
  },
);

async function stateOf(processInstanceKey: string): Promise<string> {
  const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
  return instance.state;
}

describe('message events', () => {
  it('correlates a published message by correlation key to the waiting instance only', async () => {
    const a = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'msg-catch',
      variables: { orderId: 'A-1' },
    });
    const b = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'msg-catch',
      variables: { orderId: 'B-2' },
    });
    await harness.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'A-1',
      variables: { amount: 10 },
      timeToLive: 0,
    });
    await eventually(async () => expect(await stateOf(a.processInstanceKey)).toBe('COMPLETED'));
    expect(await stateOf(b.processInstanceKey)).toBe('ACTIVE');
    const amount = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey: a.processInstanceKey, name: 'amount' } }),
      noWait,
    );
    expect(amount.items[0]?.value).toBe('10');
  });

  it('buffers a message published before the instance waits, for its time to live', async () => {
    await harness.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'C-3',
      timeToLive: 60_000,
      variables: {},
    });
    const c = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'msg-catch',
      variables: { orderId: 'C-3' },
    });
    await eventually(async () => expect(await stateOf(c.processInstanceKey)).toBe('COMPLETED'));
  });

  it('drops a buffered message once its time to live has passed on the engine clock', async () => {
    await harness.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'D-4',
      timeToLive: 60_000,
      variables: {},
    });
    harness.clock.advance(120_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const d = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'msg-catch',
      variables: { orderId: 'D-4' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stateOf(d.processInstanceKey)).toBe('ACTIVE');
  });

  it('rejects a second message with the same id while the first is buffered', async () => {
    const message = {
      name: 'payment-received',
      correlationKey: 'E-5',
      timeToLive: 60_000,
      messageId: 'pay-E-5',
      variables: {},
    };
    await harness.zeebe.publishMessage(message);
    await expect(harness.zeebe.publishMessage(message)).rejects.toMatchObject({ code: 6 });
  });

  it('starts an instance from a message start event', async () => {
    await harness.zeebe.publishMessage({
      name: 'report-submitted',
      correlationKey: '',
      variables: { unit: 'xa-1' },
      timeToLive: 0,
    });
    const instances = await eventually(async () => {
      const found = await harness.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'msg-start' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items;
    });
    const unit = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey: instances[0]!.processInstanceKey, name: 'unit' } }),
      noWait,
    );
    expect(unit.items[0]?.value).toBe('"xa-1"');
  });

  it('correlates over REST, or answers 404 when nothing waits', async () => {
    const f = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'msg-catch',
      variables: { orderId: 'F-6' },
    });
    const correlated = await harness.rest.correlateMessage(
      loose({ name: 'payment-received', correlationKey: 'F-6', variables: {} }),
    );
    expect(correlated.processInstanceKey).toBe(f.processInstanceKey);
    const published = await harness.rest.publishMessage(
      loose({ name: 'payment-received', correlationKey: 'nobody', timeToLive: 0 }),
    );
    expect(published.messageKey).toMatch(/^\d+$/);
    const nothing = await fetch(`${harness.restAddress}/v2/messages/correlation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'payment-received', correlationKey: 'nobody-waits' }),
    });
    expect(nothing.status).toBe(404);
  });
});
