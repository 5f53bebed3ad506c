import { describe, expect, it } from 'vitest';
import { ctx, element, parseFixture } from './bpmn-fixtures.js';

describe('parseBpmn: the core families', () => {
  it('reads the process, its version tag and resource name', async () => {
    const model = await parseFixture('core-order.bpmn');
    expect(model).toMatchObject({
      id: 'core-order',
      name: 'Core order',
      versionTag: 'v1.2',
      resourceName: 'core-order.bpmn',
    });
    expect(model.noneStartEventId).toBe('start');
    expect(model.startEventIds).toEqual(['start']);
    expect(model.childIds).toEqual([
      'start',
      'check',
      'decide',
      'approve',
      'fork',
      'noteA',
      'noteB',
      'join',
      'end',
    ]);
    expect(model.flows.size).toBe(10);
  });

  it('service task: job type, retries, headers and io mappings', async () => {
    const model = await parseFixture('core-order.bpmn');
    const task = element(model, 'check', 'serviceTask');
    expect(task.bpmnElementType).toBe('SERVICE_TASK');
    if (!('job' in task)) throw new Error('expected a job task');
    expect(task.job.type.evaluate(ctx())).toMatchObject({ value: 'check-order' });
    expect(task.job.retries.evaluate(ctx())).toMatchObject({ value: 5 });
    expect(task.job.headers).toEqual({ priority: 'high' });
    expect(task.inputMappings.map((m) => m.target)).toEqual(['amount', 'mode']);
    expect(task.inputMappings[0]?.source.evaluate(ctx({ order: { amount: 7 } }))).toMatchObject({ value: 7 });
    expect(task.inputMappings[1]?.source.evaluate(ctx())).toMatchObject({ value: 'fixed' });
    expect(task.outputMappings[0]).toMatchObject({
      target: 'checks.result',
      targetPath: ['checks', 'result'],
    });
    expect(task.outgoing.map((f) => f.id)).toEqual(['f2']);
    expect(task.incoming.map((f) => f.id)).toEqual(['f1']);
    expect(task.multiInstance).toBeNull();
    expect(task.boundaryEventIds).toEqual([]);
  });

  it('exclusive gateway: default flow and compiled conditions', async () => {
    const model = await parseFixture('core-order.bpmn');
    const gateway = element(model, 'decide', 'exclusiveGateway');
    expect(gateway.defaultFlowId).toBe('f4');
    const big = model.flows.get('f3');
    expect(big?.name).toBe('big');
    expect(big?.condition?.evaluate(ctx({ amount: 5000 }))).toMatchObject({ ok: true, value: true });
    expect(model.flows.get('f4')?.condition).toBeNull();
  });

  it('native user task: assignment, schedule, priority, form and headers', async () => {
    const model = await parseFixture('core-order.bpmn');
    const { userTask } = element(model, 'approve', 'userTask');
    expect(userTask.assignee?.evaluate(ctx({ manager: 'chi' }))).toMatchObject({ value: 'chi' });
    expect(userTask.candidateGroups?.isFeel).toBe(false);
    expect(userTask.candidateGroups?.staticValue).toBe('leaders, secretaries');
    expect(userTask.candidateUsers?.evaluate(ctx())).toMatchObject({ value: ['an', 'binh'] });
    expect(userTask.dueDate?.evaluate(ctx())).toMatchObject({ value: '2026-01-04T00:00:00Z' });
    expect(userTask.followUpDate?.staticValue).toBe('2026-12-01T08:00:00+07:00');
    expect(userTask.priority?.staticValue).toBe(80);
    expect(userTask.formId).toBe('approve-form');
    expect(userTask.externalReference).toBeNull();
    expect(userTask.headers).toEqual({ kind: 'approval' });
  });

  it('parallel gateways, undefined and manual tasks, none end event', async () => {
    const model = await parseFixture('core-order.bpmn');
    expect(element(model, 'fork', 'parallelGateway').outgoing).toHaveLength(2);
    expect(element(model, 'join', 'parallelGateway').incoming).toHaveLength(2);
    expect(element(model, 'noteA', 'task').bpmnElementType).toBe('TASK');
    expect(element(model, 'noteB', 'manualTask').bpmnElementType).toBe('MANUAL_TASK');
    expect(element(model, 'end', 'endEvent').eventDefinition).toEqual({ type: 'none' });
  });
});
