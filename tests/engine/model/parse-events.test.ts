import { describe, expect, it } from 'vitest';
import { ctx, element, parseFixture } from './bpmn-fixtures.js';

describe('parseBpmn: events', () => {
  it('start events of every kind, listed by kind', async () => {
    const model = await parseFixture('events.bpmn');
    expect(model.startEventIds).toEqual(['startNone', 'startTimer', 'startMessage', 'startSignal']);
    expect(model.noneStartEventId).toBe('startNone');
    expect(model.timerStartEventIds).toEqual(['startTimer']);
    expect(model.messageStartEventIds).toEqual(['startMessage']);
    expect(model.signalStartEventIds).toEqual(['startSignal']);
    const timer = element(model, 'startTimer', 'startEvent').eventDefinition;
    expect(timer.type === 'timer' && timer.timer.type).toBe('timeCycle');
    expect(timer.type === 'timer' && timer.timer.expression.staticValue).toBe(
      'R/2026-01-01T08:00:00+07:00/P1M',
    );
    const message = element(model, 'startMessage', 'startEvent').eventDefinition;
    expect(message.type === 'message' && message.message.correlationKey).toBeNull();
    expect(message.type === 'message' && message.message.name.staticValue).toBe('start-order');
    const signal = element(model, 'startSignal', 'startEvent').eventDefinition;
    expect(signal.type === 'signal' && signal.signalName.staticValue).toBe('campaign-started');
  });

  it('intermediate catch events: timer, message with correlation key and output mapping, signal, link', async () => {
    const model = await parseFixture('events.bpmn');
    const timer = element(model, 'catchTimer', 'intermediateCatchEvent').eventDefinition;
    expect(timer).toMatchObject({ type: 'timer', timer: { type: 'timeDuration' } });
    const message = element(model, 'catchMessage', 'intermediateCatchEvent');
    if (message.eventDefinition.type !== 'message') throw new Error('expected a message event');
    expect(message.eventDefinition.message.correlationKey?.evaluate(ctx({ orderId: 'A-1' }))).toMatchObject({
      value: 'A-1',
    });
    expect(message.outputMappings[0]?.target).toBe('paid');
    expect(element(model, 'catchSignal', 'intermediateCatchEvent').eventDefinition.type).toBe('signal');
    expect(element(model, 'catchLink', 'intermediateCatchEvent').eventDefinition).toEqual({
      type: 'link',
      linkName: 'toFinish',
    });
  });

  it('throw events: none, signal (FEEL name), escalation, link resolved to its catch, message as a job', async () => {
    const model = await parseFixture('events.bpmn');
    expect(element(model, 'remind', 'intermediateThrowEvent').eventDefinition).toEqual({ type: 'none' });
    const signal = element(model, 'throwSignal', 'intermediateThrowEvent').eventDefinition;
    expect(signal.type === 'signal' && signal.signalName.evaluate(ctx({ region: 'north' }))).toMatchObject({
      value: 'done-north',
    });
    const escalation = element(model, 'throwEscalation', 'intermediateThrowEvent').eventDefinition;
    expect(escalation.type === 'escalation' && escalation.escalationCode?.staticValue).toBe('LATE');
    expect(element(model, 'throwLink', 'intermediateThrowEvent').linkTargetId).toBe('catchLink');
    const message = element(model, 'throwMessage', 'intermediateThrowEvent');
    expect(message.eventDefinition.type).toBe('message');
    expect(message.job?.type.staticValue).toBe('send-notice');
    expect(message.job?.retries.staticValue).toBe(3);
  });

  it('end events: terminate, signal, error with code, escalation, message as a job', async () => {
    const model = await parseFixture('events.bpmn');
    expect(element(model, 'endTerminate', 'endEvent').eventDefinition).toEqual({ type: 'terminate' });
    expect(element(model, 'endSignal', 'endEvent').eventDefinition.type).toBe('signal');
    const error = element(model, 'endError', 'endEvent').eventDefinition;
    expect(error.type === 'error' && error.errorCode?.staticValue).toBe('ORDER_FAILED');
    expect(element(model, 'endEscalation', 'endEvent').incoming).toHaveLength(2);
    const message = element(model, 'endMessage', 'endEvent');
    expect(message.job?.type.staticValue).toBe('send-result');
    expect(message.job?.retries.staticValue).toBe(2);
  });

  it('boundary events: attached in document order, interrupting or not, of every kind', async () => {
    const model = await parseFixture('events.bpmn');
    const work = element(model, 'work', 'serviceTask');
    expect(work.boundaryEventIds).toEqual([
      'bTimeout',
      'bReminder',
      'bCancel',
      'bError',
      'bAnyEscalation',
      'bSignal',
    ]);
    expect(work.job.type.evaluate(ctx({ region: 'south' }))).toMatchObject({ value: 'work-south' });
    expect(work.job.retries.isFeel).toBe(true);
    const timeout = element(model, 'bTimeout', 'boundaryEvent');
    expect(timeout).toMatchObject({ attachedToId: 'work', cancelActivity: true });
    if (timeout.eventDefinition.type !== 'timer') throw new Error('expected a timer');
    expect(timeout.eventDefinition.timer.expression.evaluate(ctx({ minutes: 10 }))).toMatchObject({
      value: 'PT10M',
    });
    const reminder = element(model, 'bReminder', 'boundaryEvent');
    expect(reminder.cancelActivity).toBe(false);
    expect(reminder.eventDefinition).toMatchObject({ type: 'timer', timer: { type: 'timeCycle' } });
    const cancel = element(model, 'bCancel', 'boundaryEvent').eventDefinition;
    expect(cancel.type === 'message' && cancel.message.name.evaluate(ctx({ region: 'x' }))).toMatchObject({
      value: 'cancel-x',
    });
    const error = element(model, 'bError', 'boundaryEvent').eventDefinition;
    expect(error.type === 'error' && error.errorCode?.staticValue).toBe('ORDER_FAILED');
    const anyEscalation = element(model, 'bAnyEscalation', 'boundaryEvent').eventDefinition;
    expect(anyEscalation).toEqual({ type: 'escalation', escalationCode: null });
    expect(element(model, 'bSignal', 'boundaryEvent').eventDefinition.type).toBe('signal');
  });

  it('event-based and inclusive gateways', async () => {
    const model = await parseFixture('events.bpmn');
    expect(element(model, 'evGw', 'eventBasedGateway').outgoing.map((f) => f.targetId)).toEqual([
      'catchTimer',
      'catchMessage',
      'catchSignal',
    ]);
    const fork = element(model, 'inclFork', 'inclusiveGateway');
    expect(fork.defaultFlowId).toBe('f9');
    expect(fork.incoming).toHaveLength(3);
    expect(element(model, 'inclJoin', 'inclusiveGateway').incoming).toHaveLength(2);
  });
});
