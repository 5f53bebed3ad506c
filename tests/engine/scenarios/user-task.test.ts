import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  eventually,
  loose,
  noWait,
  userTaskProcess,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    const form = {
      id: 'ut-review-form',
      type: 'default',
      components: [{ type: 'textfield', key: 'comment', label: 'Ý kiến' }],
    };
    await harness.zeebe.deployResources([
      {
        name: 'ut-review.bpmn',
        process: Buffer.from(
          userTaskProcess('ut-review', {
            candidateGroups: 'ban-dan-van, van-phong',
            formId: 'ut-review-form',
          }),
        ),
      },
      { name: 'ut-review.form', form: Buffer.from(JSON.stringify(form)) },
      { name: 'ut-plain.bpmn', process: Buffer.from(userTaskProcess('ut-plain', { assignee: '=owner' })) },
      {
        name: 'ut-groups.bpmn',
        process: Buffer.from(userTaskProcess('ut-groups', { candidateGroups: '=groups' })),
      },
    ]);
  },
);

async function openTask(processInstanceKey: string) {
  return eventually(async () => {
    const found = await harness.rest.searchUserTasks(
      loose({ filter: { processInstanceKey, state: 'CREATED' } }),
      noWait,
    );
    expect(found.items).toHaveLength(1);
    return found.items[0]!;
  });
}

describe('user tasks (native zeebe:userTask over REST v2)', () => {
  it('finds a task by candidate group, assigns it, completes it with variables, and the instance ends', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ut-review',
      variables: { title: 'Báo cáo quý' },
    });
    const task = await openTask(processInstanceKey);
    expect(task).toMatchObject({
      elementId: 'review',
      name: 'Review',
      candidateGroups: ['ban-dan-van', 'van-phong'],
      processDefinitionId: 'ut-review',
    });
    expect(task.assignee).toBeUndefined();
    expect(Date.parse(task.creationDate!)).not.toBeNaN();

    const byGroup = await harness.rest.searchUserTasks(
      loose({ filter: { candidateGroup: 'van-phong', state: 'CREATED' } }),
      noWait,
    );
    expect(byGroup.items.map((item) => item.userTaskKey)).toContain(task.userTaskKey);
    const otherGroup = await harness.rest.searchUserTasks(
      loose({ filter: { candidateGroup: 'ke-toan' } }),
      noWait,
    );
    expect(otherGroup.items.map((item) => item.userTaskKey)).not.toContain(task.userTaskKey);

    await harness.rest.assignUserTask(loose({ userTaskKey: task.userTaskKey, assignee: 'nguyen.van.a' }));
    const assigned = await harness.rest.searchUserTasks(
      loose({ filter: { assignee: 'nguyen.van.a' } }),
      noWait,
    );
    expect(assigned.items.map((item) => item.userTaskKey)).toEqual([task.userTaskKey]);

    const variables = await harness.rest.searchUserTaskVariables(
      loose({ userTaskKey: task.userTaskKey }),
      noWait,
    );
    expect(variables.items.map((item) => [item.name, item.value])).toContainEqual(['title', '"Báo cáo quý"']);

    await harness.rest.completeUserTask(
      loose({ userTaskKey: task.userTaskKey, variables: { approved: true, comment: 'Đồng ý' } }),
    );
    await eventually(async () => {
      const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
      expect(instance.state).toBe('COMPLETED');
    });
    const completed = await harness.rest.getUserTask(loose({ userTaskKey: task.userTaskKey }), noWait);
    expect(completed.state).toBe('COMPLETED');
    const stored = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey, name: 'approved' } }),
      noWait,
    );
    expect(stored.items[0]?.value).toBe('true');
  });

  it('returns the linked form, resolved when the task was created', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ut-review',
      variables: {},
    });
    const task = await openTask(processInstanceKey);
    expect(task.formKey).toBeDefined();
    const form = await harness.rest.getUserTaskForm(loose({ userTaskKey: task.userTaskKey }), noWait);
    expect(form).toMatchObject({ formId: 'ut-review-form', version: 1 });
    expect((form as { schema?: { components?: unknown[] } }).schema?.components).toHaveLength(1);
    const byKey = await fetch(`${harness.restAddress}/v2/forms/${String(task.formKey)}`);
    expect(byKey.status).toBe(200);
  });

  it('evaluates a FEEL assignee, unassigns, and updates due date, candidates and priority', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ut-plain',
      variables: { owner: 'tran.thi.b' },
    });
    const task = await openTask(processInstanceKey);
    expect(task.assignee).toBe('tran.thi.b');
    await harness.rest.unassignUserTask(loose({ userTaskKey: task.userTaskKey }));
    await harness.rest.updateUserTask(
      loose({
        userTaskKey: task.userTaskKey,
        changeset: { dueDate: '2026-03-10T10:00:00.000Z', candidateUsers: ['le.van.c'], priority: 80 },
      }),
    );
    const updated = await harness.rest.getUserTask(loose({ userTaskKey: task.userTaskKey }), noWait);
    expect(updated.assignee).toBeUndefined();
    expect(updated.candidateUsers).toEqual(['le.van.c']);
    expect(updated.priority).toBe(80);
    expect(Date.parse(updated.dueDate!)).toBe(Date.parse('2026-03-10T10:00:00.000Z'));
    const byUser = await harness.rest.searchUserTasks(
      loose({ filter: { candidateUser: 'le.van.c' } }),
      noWait,
    );
    expect(byUser.items.map((item) => item.userTaskKey)).toContain(task.userTaskKey);
  });

  it('sorts and pages search results', async () => {
    for (let index = 0; index < 3; index += 1) {
      await harness.zeebe.createProcessInstance({ bpmnProcessId: 'ut-plain', variables: { owner: 'pager' } });
      harness.clock.advance(1_000);
    }
    const query = (from: number) =>
      harness.rest.searchUserTasks(
        loose({
          filter: { assignee: 'pager' },
          sort: [{ field: 'creationDate', order: 'DESC' }],
          page: { from, limit: 2 },
        }),
        noWait,
      );
    const first = await eventually(async () => {
      const page = await query(0);
      expect(page.page.totalItems).toBe(3);
      return page;
    });
    const second = await query(2);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    const dates = [...first.items, ...second.items].map((item) => Date.parse(item.creationDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("filters with Camunda's operators: $in/$notIn/$exists on lists and values, ranges on priority and dates, $like", async () => {
    const started = async (groups: string[], priority: number, dueDate: string | null) => {
      const { processInstanceKey } = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'ut-groups',
        variables: { groups },
      });
      const task = await openTask(processInstanceKey);
      await harness.rest.updateUserTask(
        loose({ userTaskKey: task.userTaskKey, changeset: { priority, ...(dueDate ? { dueDate } : {}) } }),
      );
      return String(task.userTaskKey);
    };
    const a = await started(['op:co-so:a'], 90, '2026-04-01T00:00:00.000Z');
    const b = await started(['op:co-so:b', 'op:btg'], 50, '2026-05-01T00:00:00.000Z');
    const c = await started(['op:co-so:c'], 10, null);
    await harness.rest.assignUserTask(loose({ userTaskKey: b, assignee: 'op.lan' }));
    const keys = async (filter: Record<string, unknown>) => {
      const found = await harness.rest.searchUserTasks(
        loose({ filter: { state: 'CREATED', ...filter }, sort: [{ field: 'priority', order: 'DESC' }] }),
        noWait,
      );
      expect(found.page.totalItems).toBe(found.items.length);
      return found.items.map((item) => String(item.userTaskKey));
    };
    expect(await keys({ candidateGroup: { $in: ['op:co-so:a', 'op:btg', 'op:khac'] } })).toEqual([a, b]);
    expect(await keys({ candidateGroup: { $like: 'op:co-so:*' } })).toEqual([a, b, c]);
    expect(await keys({ candidateGroup: { $like: 'op:*', $notIn: ['op:btg'] } })).toEqual([a, c]);
    expect(await keys({ candidateGroup: { $like: 'op:*' }, assignee: { $exists: false } })).toEqual([a, c]);
    expect(await keys({ candidateGroup: { $like: 'op:*' }, assignee: { $neq: 'op.lan' } })).toEqual([a, c]);
    expect(await keys({ candidateGroup: { $like: 'op:*' }, priority: { $gte: 25, $lt: 75 } })).toEqual([b]);
    expect(await keys({ candidateGroup: { $like: 'op:*' }, priority: { $in: [10, 90] } })).toEqual([a, c]);
    expect(
      await keys({ candidateGroup: { $like: 'op:*' }, dueDate: { $lt: '2026-04-15T00:00:00.000Z' } }),
    ).toEqual([a]);
    expect(await keys({ candidateGroup: { $like: 'op:*' }, dueDate: { $exists: false } })).toEqual([c]);
    expect(await keys({ candidateGroup: { $like: 'op:?o-so:b' } })).toEqual([b]);
    expect(
      await keys({ candidateGroup: { $eq: 'op:btg' }, state: { $in: ['CREATED', 'COMPLETED'] } }),
    ).toEqual([b]);

    const refused = await fetch(`${harness.restAddress}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { priority: { $like: '9*' } } }),
    });
    expect(refused.status).toBe(400);
    const badDate = await fetch(`${harness.restAddress}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { dueDate: { $lt: 'tomorrow' } } }),
    });
    expect(badDate.status).toBe(400);
  });

  it('answers open-task searches by group or assignee from its indexes exactly as a scan would, also after a restart', async () => {
    const keys: string[] = [];
    const key = (index: number): string => keys[index] ?? '';
    for (let index = 0; index < 6; index++) {
      const { processInstanceKey } = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'ut-groups',
        variables: { groups: index % 2 ? ['ix:a', 'ix:b'] : ['ix:a'] },
      });
      keys.push(String((await openTask(processInstanceKey)).userTaskKey));
    }
    await harness.rest.assignUserTask(loose({ userTaskKey: key(1), assignee: 'ix.lan' }));
    await harness.rest.assignUserTask(loose({ userTaskKey: key(4), assignee: 'ix.lan' }));
    await harness.rest.unassignUserTask(loose({ userTaskKey: key(4) }));
    await harness.rest.updateUserTask(
      loose({ userTaskKey: key(2), changeset: { candidateGroups: ['ix:c'] } }),
    );
    await harness.rest.assignUserTask(loose({ userTaskKey: key(5), assignee: 'ix.lan' }));
    await harness.rest.completeUserTask(loose({ userTaskKey: key(5) }));
    const search = async (filter: Record<string, unknown>) =>
      (
        await harness.rest.searchUserTasks(
          loose({ filter, sort: [{ field: 'creationDate', order: 'ASC' }] }),
          noWait,
        )
      ).items.map((item) => String(item.userTaskKey));
    // `state: { $in: [...] }` is not served by the indexes: the engine scans, which is the reference.
    const compare = async (filter: Record<string, unknown>, expected: string[]) => {
      expect(await search({ ...filter, state: 'CREATED' })).toEqual(expected);
      expect(await search({ ...filter, state: { $in: ['CREATED'] } })).toEqual(expected);
    };
    const check = async () => {
      await compare({ candidateGroup: 'ix:a' }, [key(0), key(1), key(3), key(4)]);
      await compare({ candidateGroup: { $in: ['ix:b', 'ix:c'] } }, [key(1), key(2), key(3)]);
      await compare({ assignee: 'ix.lan' }, [key(1)]);
      await compare({ candidateGroup: { $in: ['ix:a'] }, assignee: { $exists: false } }, [
        key(0),
        key(3),
        key(4),
      ]);
    };
    await check();
    await harness.restart();
    await check();
  });

  it('returns only the named variables of a task when asked by name', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ut-review',
      variables: {
        unit: { name: 'Sở Tài chính' },
        period: { label: '6 tháng đầu năm 2026' },
        big: [1, 2, 3],
      },
    });
    const task = await openTask(processInstanceKey);
    const found = await harness.rest.searchUserTaskVariables(
      loose({ userTaskKey: task.userTaskKey, filter: { name: { $in: ['unit', 'period'] } } }),
      noWait,
    );
    expect(found.items.map((item) => item.name).sort()).toEqual(['period', 'unit']);
  });

  it('answers 404 for unknown tasks and 400 for wrong types or unknown fields', async () => {
    const unknown = await fetch(`${harness.restAddress}/v2/user-tasks/2251799813999999`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, title: 'NOT_FOUND' });
    const completeUnknown = await fetch(`${harness.restAddress}/v2/user-tasks/2251799813999999/completion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(completeUnknown.status).toBe(404);
    const wrongType = await fetch(`${harness.restAddress}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: { limit: 'ten' } }),
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.headers.get('content-type')).toContain('application/problem+json');
    const unknownField = await fetch(`${harness.restAddress}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { colour: 'red' } }),
    });
    expect(unknownField.status).toBe(400);
    expect((await unknownField.json()) as { detail: string }).toMatchObject({
      detail: expect.stringContaining('colour'),
    });
  });
});
