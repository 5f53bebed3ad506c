/** Issue 4, item 5: e-mail and an in-app notice to those with a new task and when its due date is near. */
import { describe, expect, it } from 'vitest';
import { TaskNotifier } from '../../../src/app/notifications/index.js';
import { eventually, useScenario } from '../../scenarios/support/scenario-harness.js';

const h = useScenario('2026-05-01T02:00:00.000Z', { organisation: true });

/**
 * Waits, as a user would, until the engine's search shows every unit's "Lập báo cáo" task of the instance: under
 * ENGINE_PROFILE=camunda-8.8 the tasks a multi-instance creates together become visible one by one.
 */
async function waitForEveryUnitTask(pik: string): Promise<void> {
  const units = await h.variable<unknown[]>(pik, 'units');
  await eventually(async () => {
    const found = await h.rest.searchUserTasks(
      {
        filter: { processInstanceKey: pik, elementId: 'Task_LapBaoCao', state: 'CREATED' },
        page: { limit: 100 },
      } as never,
      { consistency: { waitUpToMs: 0 } } as never,
    );
    expect(found.items).toHaveLength(units.length);
  });
}

describe('TaskNotifier', () => {
  it('tells the candidate group of a new task once, and again once when its due date is near', async () => {
    const notices = new TaskNotifier(h.rest, h.notifier, { now: () => new Date(h.clock.now()) });
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: '6-thang', nam: 2026, hanNopBaoCao: '2026-05-20' },
    });
    await h.waitForTask(pik, 'Task_LapBaoCao', 'co-so:so-y-te');
    await waitForEveryUnitTask(pik);
    const toUnit = () => h.smtp.mails.filter((m) => m.to.includes('so-y-te@dukh.vn')).length;
    const before = toUnit();

    expect(await notices.tick()).toBeGreaterThanOrEqual(3);
    await eventually(async () => expect(toUnit()).toBe(before + 1));
    const inbox = await h.connection
      .collection('notifications')
      .find({ username: 'nv.so-y-te', kind: 'cong-viec-moi' })
      .toArray();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.subject).toBe('Công việc mới: Lập báo cáo');
    expect(inbox[0]!.text).toContain('17:00 ngày 20/05/2026');
    // Heads belong to their unit's group too; the Standing Committee has no task yet and hears nothing.
    const byUser = async (username: string) =>
      h.connection.collection('notifications').find({ username, kind: 'cong-viec-moi' }).toArray();
    expect(await byUser('lanhdao.so-y-te')).toHaveLength(1);
    expect(await byUser('nv.btv')).toEqual([]);

    expect(await notices.tick()).toBe(0);

    h.clock.set('2026-05-19T12:00:00Z');
    expect(await notices.tick()).toBeGreaterThanOrEqual(3);
    const due = await h.connection
      .collection('notifications')
      .find({ username: 'nv.so-y-te', kind: 'sap-den-han' })
      .toArray();
    expect(due).toHaveLength(1);
    expect(await notices.tick()).toBe(0);
  }, 120_000);

  it('reaches every open task however many there are, page after page, and asks nothing again of tasks it has seen', async () => {
    const notices = new TaskNotifier(
      h.rest,
      h.notifier,
      { now: () => new Date(h.clock.now()) },
      { pageSize: 2 },
    );
    const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: { loaiKy: 'nam', nam: 2026, hanNopBaoCao: '2026-11-20' },
    });
    await h.waitForTask(pik, 'Task_LapBaoCao', 'co-so:so-y-te');
    await waitForEveryUnitTask(pik);
    const open = await h.rest.searchUserTasks(
      { filter: { state: 'CREATED' }, page: { limit: 1 } } as never,
      { consistency: { waitUpToMs: 0 } } as never,
    );
    const dispatched = () =>
      h.connection.collection('notification_dispatches').countDocuments({ kind: 'cong-viec-moi' });
    await notices.tick();
    // Far more open tasks than one page: every one of them has been told of, once.
    expect(Number(open.page.totalItems)).toBeGreaterThan(4);
    expect(await dispatched()).toBe(Number(open.page.totalItems));
    const reads = h.connection.collection('notification_dispatches');
    const before = await reads.countDocuments();
    expect(await notices.tick()).toBe(0);
    expect(await reads.countDocuments()).toBe(before);
  }, 120_000);

  it('goes on from where a poll stopped when more tasks fall due than one poll reads', async () => {
    // Two tasks a poll: a poll that restarted its due-date window would tell the same two again and never the rest.
    const notices = new TaskNotifier(
      h.rest,
      h.notifier,
      { now: () => new Date(h.clock.now()) },
      { pageSize: 2, pagesPerTick: 1 },
    );
    for (const nam of [2027, 2028, 2029]) {
      const { processInstanceKey: pik } = await h.zeebe.createProcessInstance({
        bpmnProcessId: 'bao-cao-dan-van',
        variables: { loaiKy: 'nam', nam, hanNopBaoCao: '2027-01-20' },
      });
      await h.waitForTask(pik, 'Task_LapBaoCao', 'co-so:so-y-te');
    }
    const openTasks = async (filter: Record<string, unknown>) =>
      (
        await h.rest.searchUserTasks(
          { filter: { state: 'CREATED', ...filter }, page: { limit: 1000 } } as never,
          { consistency: { waitUpToMs: 0 } } as never,
        )
      ).items.map((task) => task.userTaskKey);
    // Enough polls for every task two at a time, with room for the ties re-read at a poll's starting instant.
    const poll = async (tasks: number) => {
      for (let polls = 0; polls < 3 * Math.ceil(tasks / 2) + 5; polls++) await notices.tick();
    };
    const dispatched = (keys: string[], kind: string) =>
      h.connection
        .collection('notification_dispatches')
        .countDocuments({ _id: { $in: keys } as never, kind });

    const open = await openTasks({});
    await poll(open.length);
    expect(
      await dispatched(
        open.map((key) => `task-${key}`),
        'cong-viec-moi',
      ),
    ).toBe(open.length);

    h.clock.set('2027-01-20T00:00:00Z');
    const due = await openTasks({ dueDate: { $lte: '2027-01-21T00:00:00Z' } });
    expect(due.length).toBeGreaterThan(4);
    await poll(due.length);
    expect(
      await dispatched(
        due.map((key) => `task-${key}-due`),
        'sap-den-han',
      ),
    ).toBe(due.length);
  }, 180_000);

  it('reaches the members of a unit created after the group members were last read', async () => {
    await h.notifier.send({
      key: 'truoc-don-vi-moi',
      kind: 'cong-viec-moi',
      groups: ['co-so:so-y-te'],
      subject: 's',
      text: 't',
    });
    await h.directory.units.create({ code: 'don-vi-moi', name: 'Đơn vị mới', kind: 'ban' });
    await h.directory.users.create({
      username: 'nv.don-vi-moi',
      fullName: 'Cán bộ đơn vị mới',
      password: 'mat-khau-123',
      memberships: [{ unitCode: 'don-vi-moi', roles: ['staff'] }],
    });
    const [group] = await h.directory.candidateGroupsOfUser('nv.don-vi-moi');
    h.clock.set(new Date(Number(h.clock.now()) + 3_000).toISOString());
    const result = await h.notifier.send({
      key: 'don-vi-moi',
      kind: 'cong-viec-moi',
      groups: [group!],
      subject: 's',
      text: 't',
    });
    expect(result.recipients).toEqual(['nv.don-vi-moi']);
  });

  it('finishes a notice that an earlier attempt left half-written, without duplicating what was written', async () => {
    // The earlier attempt wrote one member's in-app notice and died before recording the dispatch.
    await h.connection.collection('notifications').insertOne({
      _id: 'thu-lai/nv.so-y-te' as never,
      username: 'nv.so-y-te',
      kind: 'cong-viec-moi',
      subject: 'Công việc mới: Thử lại',
      text: 'lần trước',
      read: false,
      createdAt: new Date(h.clock.now()),
    });
    const result = await h.notifier.send({
      key: 'thu-lai',
      kind: 'cong-viec-moi',
      groups: ['co-so:so-y-te'],
      subject: 'Công việc mới: Thử lại',
      text: 'lần này',
    });
    expect(result.alreadySent).toBe(false);
    const written = await h.connection
      .collection('notifications')
      .find({ _id: { $in: result.recipients.map((username) => `thu-lai/${username}`) } as never })
      .toArray();
    expect(written).toHaveLength(result.recipients.length);
    expect(written.find((notice) => notice.username === 'nv.so-y-te')?.text).toBe('lần trước');
    expect(
      (
        await h.notifier.send({
          key: 'thu-lai',
          kind: 'cong-viec-moi',
          groups: ['co-so:so-y-te'],
          subject: 's',
          text: 't',
        })
      ).alreadySent,
    ).toBe(true);
  });
});
