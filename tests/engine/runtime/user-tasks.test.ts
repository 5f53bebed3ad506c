import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  endEvent,
  flow,
  instanceState,
  startEvent,
  useEngineCore,
  userTask,
} from '../../support/harness/index.js';

const FORM = JSON.stringify({
  id: 'approve-form',
  type: 'default',
  components: [{ key: 'ok', type: 'checkbox', label: 'OK' }],
});

describe('native user tasks', () => {
  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      { name: 'approve.form', content: Buffer.from(FORM) },
      bpmnFile('approve', [
        startEvent('s'),
        userTask('review', {
          name: 'Approve',
          formId: 'approve-form',
          assignee: '=initiator',
          candidateGroups: '=["clerks", unit]',
          dueDate: '="2026-03-10T00:00:00Z"',
          priority: '=80',
        }),
        endEvent('e'),
        flow('s', 'review', { id: 'f0' }),
        flow('review', 'e', { id: 'f1' }),
      ]),
    ]);
  });

  it('creates the task with evaluated assignment, dates, priority and the latest form; complete moves on', async () => {
    const created = await h.engine.createInstance({
      bpmnProcessId: 'approve',
      variables: { initiator: 'lan', unit: 'ban-dan-van' },
    });
    const found = await h.engine.searchUserTasks({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(found.total).toBe(1);
    const task = found.items[0]!;
    expect(task).toMatchObject({
      state: 'CREATED',
      assignee: 'lan',
      candidateGroups: ['clerks', 'ban-dan-van'],
      dueDate: Date.parse('2026-03-10T00:00:00Z'),
      priority: 80,
      elementId: 'review',
      name: 'Approve',
    });
    const form = await h.engine.getForm(task.formKey!);
    expect(JSON.parse(form.schema)).toMatchObject({ id: 'approve-form' });

    expect(
      (await h.engine.searchUserTasks({ filter: { candidateGroup: 'clerks', state: 'CREATED' } })).total,
    ).toBe(1);
    expect((await h.engine.searchUserTasks({ filter: { assignee: 'someone-else' } })).total).toBe(0);

    await expect(
      h.engine.assignUserTask(task.userTaskKey, 'minh', { allowOverride: false }),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await h.engine.assignUserTask(task.userTaskKey, 'minh');
    await h.engine.updateUserTask({ userTaskKey: task.userTaskKey, priority: 10, candidateUsers: ['hoa'] });
    expect((await h.engine.searchUserTasks({ filter: { candidateUser: 'hoa' } })).items[0]).toMatchObject({
      assignee: 'minh',
      priority: 10,
    });
    await h.engine.unassignUserTask(task.userTaskKey);
    const variables = await h.engine.searchUserTaskVariables(task.userTaskKey, {});
    expect(variables.items.map((v) => v.name).sort()).toEqual(['initiator', 'unit']);

    await h.engine.completeUserTask(task.userTaskKey, { approved: true });
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
    const completed = await h.engine.searchUserTasks({ filter: { userTaskKey: task.userTaskKey } });
    // As in Zeebe, a completed task is gone from the engine's state.
    expect(completed.items[0]!.state).toBe('COMPLETED');
    await expect(h.engine.completeUserTask(task.userTaskKey)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('cancelling the instance cancels the task; search sorts and pages', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      keys.push(
        (
          await h.engine.createInstance({
            bpmnProcessId: 'approve',
            variables: { initiator: `u${i}`, unit: 'x' },
          })
        ).processInstanceKey,
      );
    }
    const page = await h.engine.searchUserTasks({
      filter: { state: 'CREATED' },
      sort: [{ field: 'assignee', order: 'DESC' }],
      page: { from: 0, limit: 2 },
    });
    expect(page.total).toBe(3);
    expect(page.items.map((t) => t.assignee)).toEqual(['u2', 'u1']);
    await h.engine.cancelInstance(keys[0]!);
    const canceled = await h.engine.searchUserTasks({ filter: { processInstanceKey: keys[0]! } });
    expect(canceled.items[0]!.state).toBe('CANCELED');
  });
});
