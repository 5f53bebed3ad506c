import { describe, expect, it } from 'vitest';
import { isActivity, isJobTask } from '../../../src/engine/model/process-model.js';
import { ctx, element, parseFixture } from './bpmn-fixtures.js';

describe('parseBpmn: containers, tasks and multi-instance', () => {
  it('embedded sub-process: its own scope, children with parentId, io mapping, boundary', async () => {
    const model = await parseFixture('containers.bpmn');
    const review = element(model, 'review', 'subProcess');
    expect(review.childIds).toEqual(['reviewStart', 'score', 'notify', 'reviewEnd']);
    expect(review.noneStartEventId).toBe('reviewStart');
    expect(review.inputMappings[0]?.target).toBe('localItems');
    expect(review.boundaryEventIds).toEqual(['reviewError']);
    expect(model.elements.get('score')?.parentId).toBe('review');
    expect(model.flows.get('s1')).toMatchObject({ sourceId: 'reviewStart', targetId: 'score' });
    expect(model.childIds).not.toContain('score');
    const anyError = element(model, 'reviewError', 'boundaryEvent').eventDefinition;
    expect(anyError).toEqual({ type: 'error', errorCode: null, errorMessage: null });
  });

  it('multi-instance: parallel with output collection and completion condition; sequential', async () => {
    const model = await parseFixture('containers.bpmn');
    const review = element(model, 'review', 'subProcess').multiInstance;
    expect(review).toMatchObject({ isSequential: false, inputElement: 'unit', outputCollection: 'reports' });
    expect(review?.inputCollection.evaluate(ctx({ units: ['a', 'b'] }))).toMatchObject({ value: ['a', 'b'] });
    expect(review?.outputElement?.evaluate(ctx({ report: 1 }))).toMatchObject({ value: 1 });
    expect(review?.completionCondition?.evaluate(ctx({ numberOfCompletedInstances: 2 }))).toMatchObject({
      value: true,
    });
    const notify = element(model, 'notify', 'sendTask').multiInstance;
    expect(notify).toMatchObject({
      isSequential: true,
      inputElement: 'recipient',
      outputCollection: null,
      outputElement: null,
      completionCondition: null,
    });
  });

  it('script task with zeebe:script is evaluated by the engine; without it, a job', async () => {
    const model = await parseFixture('containers.bpmn');
    const score = element(model, 'score', 'scriptTask');
    if (!('script' in score)) throw new Error('expected an engine script');
    expect(score.script.resultVariable).toBe('score');
    expect(
      score.script.expression.evaluate(ctx({ localItems: [{ points: 2 }, { points: 3 }] })),
    ).toMatchObject({ value: 5 });
    expect(isJobTask(score)).toBe(false);
    const job = element(model, 'scriptJob', 'scriptTask');
    expect(isJobTask(job)).toBe(true);
    expect('job' in job && job.job.headers).toEqual({ language: 'javascript' });
  });

  it('send and business-rule tasks are jobs; receive task waits for a message', async () => {
    const model = await parseFixture('containers.bpmn');
    expect(element(model, 'notify', 'sendTask').job.type.staticValue).toBe('notify');
    const rules = element(model, 'rules', 'businessRuleTask');
    expect('job' in rules && rules.job.type.staticValue).toBe('evaluate-rules');
    const receive = element(model, 'waitReply', 'receiveTask');
    expect(receive.message.name.staticValue).toBe('reply');
    expect(receive.message.correlationKey?.source).toBe('=requestId');
    expect(isActivity(receive)).toBe(true);
  });

  it('call activity: FEEL process id, propagation flags and mappings', async () => {
    const model = await parseFixture('containers.bpmn');
    const call = element(model, 'callChild', 'callActivity');
    expect(call.processId.evaluate(ctx({ childProcess: 'child-a' }))).toMatchObject({ value: 'child-a' });
    expect(call.propagateAllChildVariables).toBe(false);
    expect(call.propagateAllParentVariables).toBe(true);
    expect(call.inputMappings.map((m) => m.target)).toEqual(['unitId']);
    expect(call.outputMappings.map((m) => m.target)).toEqual(['result']);
  });

  it('event sub-processes: interrupting message start, non-interrupting cron timer start', async () => {
    const model = await parseFixture('containers.bpmn');
    expect(model.eventSubProcessIds).toEqual(['onCancel', 'onReminder']);
    expect(model.startEventIds).toEqual(['start']);
    const cancel = element(model, 'onCancel', 'eventSubProcess');
    expect(cancel).toMatchObject({
      startEventId: 'cancelStart',
      interrupting: true,
      bpmnElementType: 'EVENT_SUB_PROCESS',
    });
    const cancelStart = element(model, 'cancelStart', 'startEvent');
    expect(cancelStart.parentId).toBe('onCancel');
    expect(
      cancelStart.eventDefinition.type === 'message' &&
        cancelStart.eventDefinition.message.correlationKey?.source,
    ).toBe('=requestId');
    const reminder = element(model, 'onReminder', 'eventSubProcess');
    expect(reminder.interrupting).toBe(false);
    expect(element(model, 'reminderStart', 'startEvent').eventDefinition).toMatchObject({
      type: 'timer',
      timer: { type: 'timeCycle' },
    });
  });
});
