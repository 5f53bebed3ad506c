import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../../../src/app/inbox/inbox.service.js';
import { InboxStore } from '../../../src/app/inbox/inbox.store.js';
import type { TaskTaker } from '../../../src/app/inbox/task-access.js';
import { parseInboxQuery } from '../../../src/app/inbox/inbox-query.js';
import { AppError } from '../../../src/lib/errors.js';
import { TestClock } from '../../../src/lib/clock.js';
import { startTaskEngineFixture, type TaskEngineFixture } from './support/task-engine-fixture.js';
import { createTestDatabase, eventually, type TestDatabase } from '../../support/harness/index.js';

let db: TestDatabase;
let connection: Connection;
let fixture: TaskEngineFixture;
let inbox: InboxService;
let store: InboxStore;

beforeAll(async () => {
  db = createTestDatabase('inbox');
  connection = await mongoose.createConnection(db.uri).asPromise();
  fixture = await startTaskEngineFixture('inbox');
  store = new InboxStore(connection);
  inbox = new InboxService(fixture.engine, store, new TestClock('2026-06-10T02:00:00.000Z'));
});
afterAll(async () => {
  await fixture?.close();
  await connection?.close();
  await db?.drop();
});

/** Each test has its own groups and people, since all share one engine. */
function people(test: string) {
  const btg = `ban-tuyen-giao-${test}`;
  const office = `van-phong-${test}`;
  return {
    btg,
    office,
    lan: { username: `lan-${test}`, groups: [btg] } satisfies TaskTaker,
    tuan: { username: `tuan-${test}`, groups: [btg, `${btg}:lanh-dao`] } satisfies TaskTaker,
    huong: { username: `huong-${test}`, groups: [office] } satisfies TaskTaker,
  };
}

async function failure(call: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

describe('the inbox service over the embedded engine', () => {
  it('lists per scope with counts, filters overdue and by priority, sorts, and merges tasks assigned outside the groups', async () => {
    const { btg, office, lan, huong } = people('list');
    const one = await fixture.task({
      groups: [btg],
      assignee: lan.username,
      dueDate: '2026-06-01T00:00:00.000Z',
      priority: 20,
    });
    const two = await fixture.task({ groups: [btg], priority: 90 });
    const three = await fixture.task({ groups: [office] });
    const four = await fixture.task({ groups: [office], assignee: lan.username, priority: 60 });
    const ids = (page: { items: { id: string }[] }) => page.items.map((task) => task.id);

    const all = await inbox.list(lan, parseInboxQuery({ scope: 'all', sort: 'priority' }));
    expect(ids(all)).toEqual([two.key, four.key, one.key]);
    expect(all.counts).toEqual({ mine: 2, unclaimed: 1, all: 3 });
    expect(all.total).toBe(3);
    expect(all.processes.map((process) => process.name)).toContain('Báo cáo thử');

    const mine = await inbox.list(lan, parseInboxQuery({ scope: 'mine', sort: 'priority' }));
    expect(ids(mine)).toEqual([four.key, one.key]);
    const overdue = await inbox.list(lan, parseInboxQuery({ scope: 'all', due: 'overdue' }));
    expect(ids(overdue)).toEqual([one.key]);
    expect(overdue.counts).toEqual({ mine: 1, unclaimed: 0, all: 1 });
    const high = await inbox.list(lan, parseInboxQuery({ scope: 'all', priority: 'high' }));
    expect(ids(high)).toEqual([two.key]);
    const otherProcess = await inbox.list(lan, parseInboxQuery({ scope: 'all', process: 'khac' }));
    expect(otherProcess.counts).toEqual({ mine: 0, unclaimed: 0, all: 0 });

    // A member of a task's group sees it under "all" even while someone else holds it.
    const officeList = await inbox.list(huong, parseInboxQuery({ scope: 'all' }));
    expect(ids(officeList).sort()).toEqual([three.key, four.key].sort());
    expect(officeList.counts).toEqual({ mine: 0, unclaimed: 1, all: 2 });
  });

  it('pages with the engine: the pages together are the whole sorted list, each once', async () => {
    const { btg, lan } = people('pages');
    // Set up side by side: each waits until the engine's reads show its priority (seconds under camunda-8.8).
    const created = await Promise.all(
      Array.from(
        { length: 23 },
        async (_, index) => (await fixture.task({ groups: [btg], priority: index * 4 })).key,
      ),
    );
    const first = await inbox.list(lan, parseInboxQuery({ scope: 'unclaimed', sort: 'priority' }));
    const second = await inbox.list(
      lan,
      parseInboxQuery({ scope: 'unclaimed', sort: 'priority', page: '2' }),
    );
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(23);
    expect([...first.items, ...second.items].map((task) => task.id)).toEqual([...created].reverse());
  });

  it('shows the unit and period of each listed task from its variables', async () => {
    const { btg, lan } = people('context');
    await fixture.task({
      groups: [btg],
      variables: { unit: { code: 'stc', name: 'Sở Tài chính' }, period: { label: '6 tháng đầu năm 2026' } },
    });
    const listed = await inbox.list(lan, parseInboxQuery({ scope: 'all' }));
    expect(listed.items[0]).toMatchObject({ unitName: 'Sở Tài chính', period: '6 tháng đầu năm 2026' });
  });

  it('starts a form with the suggested values of its process (the settings symbols), under variables and drafts', async () => {
    const { office, huong } = people('suggest');
    const suggesting = new InboxService(
      fixture.engine,
      store,
      new TestClock('2026-06-10T02:00:00.000Z'),
      undefined,
      undefined,
      undefined,
      undefined,
      async (processId): Promise<Record<string, string>> =>
        processId === 'inbox-fixture' ? { a: '-BC/ĐUK', notInForm: 'x' } : {},
    );
    const fresh = await fixture.task({ groups: [office] });
    const data = (await suggesting.get(huong, fresh.key)).data;
    expect(data.a).toBe('-BC/ĐUK');
    expect(data).not.toHaveProperty('notInForm');
    const typed = await fixture.task({ groups: [office], variables: { a: '12-BC/ĐUK' } });
    expect((await suggesting.get(huong, typed.key)).data.a).toBe('12-BC/ĐUK');
  });

  it('lets the assignee see a task outside their groups, but nobody else', async () => {
    const { office, lan, tuan } = people('assignee');
    const task = await fixture.task({ groups: [office], assignee: lan.username });
    expect((await inbox.get(lan, task.key)).canComplete).toBe(true);
    expect(await failure(inbox.get(tuan, task.key))).toEqual({ status: 404, code: 'task_not_found' });
    expect(await failure(inbox.get(lan, '2251799813999999'))).toEqual({
      status: 404,
      code: 'task_not_found',
    });
  });

  it('answers every action of a user outside the groups like an unknown task (404), and changes nothing', async () => {
    const { btg, huong } = people('outsider');
    const task = await fixture.task({ groups: [btg] });
    for (const call of [
      inbox.get(huong, task.key),
      inbox.claim(huong, task.key),
      inbox.unclaim(huong, task.key),
      inbox.saveDraft(huong, task.key, { a: 'x' }),
      inbox.complete(huong, task.key, { a: 'x' }),
    ])
      expect((await failure(call)).status).toBe(404);
    expect((await fixture.engine.get(task.key))?.assignee).toBeNull();
    expect(await store.historyOf(task.processInstanceKey, { chain: '', whole: true })).toEqual([]);
  });

  it('keeps a held task from the other members: claim 409, unclaim/draft/complete 403', async () => {
    const { btg, lan, tuan } = people('held');
    const { key } = await fixture.task({ groups: [btg] });
    await inbox.claim(lan, key);
    await inbox.claim(lan, key); // claiming one's own task again changes nothing
    expect(await failure(inbox.claim(tuan, key))).toEqual({ status: 409, code: 'task_already_claimed' });
    expect(await failure(inbox.unclaim(tuan, key))).toEqual({ status: 403, code: 'task_claimed_by_other' });
    expect(await failure(inbox.saveDraft(tuan, key, {}))).toEqual({
      status: 403,
      code: 'task_claimed_by_other',
    });
    expect(await failure(inbox.complete(tuan, key, { a: 'x' }))).toEqual({
      status: 403,
      code: 'task_claimed_by_other',
    });
    await inbox.unclaim(lan, key);
    expect((await fixture.engine.get(key))?.assignee).toBeNull();
    expect(await failure(inbox.complete(lan, key, { a: 'x' }))).toEqual({
      status: 409,
      code: 'task_not_claimed',
    });
  });

  it('validates on complete, completes once with the accepted values, drops the draft and writes the history', async () => {
    const { btg, lan } = people('complete');
    const { key, processInstanceKey } = await fixture.task({ groups: [btg] });
    await inbox.claim(lan, key);
    await inbox.saveDraft(lan, key, { a: 'nháp' });
    expect((await inbox.get(lan, key)).data).toMatchObject({ a: 'nháp' });
    const refused = await inbox.complete(lan, key, { a: '' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).errors?.map((error) => error.field).join()).toContain('a');
    expect((await fixture.engine.get(key))?.state).toBe('CREATED');

    expect((await inbox.get(lan, key)).open).toBe(true);
    await inbox.complete(lan, key, { a: 'xong' });
    // Complete returns once the task shows closed to the user; the engine's reads may still say COMPLETING for a while
    // (Camunda 8.8), and the instance's variables show behind it.
    expect(await inbox.get(lan, key)).toMatchObject({ open: false, canComplete: false, canClaim: false });
    await eventually(async () => expect((await fixture.engine.get(key))?.state).toBe('COMPLETED'));
    await eventually(async () => expect(await fixture.variable(processInstanceKey, 'a')).toBe('xong'));
    expect(await failure(inbox.complete(lan, key, { a: 'xong' }))).toEqual({
      status: 409,
      code: 'task_completed',
    });
    expect(await store.draftOf(key, lan.username)).toBeNull();
    expect(
      (await store.historyOf(processInstanceKey, { chain: '', whole: true })).map((entry) => entry.action),
    ).toEqual(['claim', 'draft', 'complete']);
  });

  it('marks a task returned for rework, names the step in the history, and keeps the unit once the task is done', async () => {
    const { btg, lan } = people('returned');
    const unit = { code: 'so-tai-chinh', name: 'Đảng bộ Sở Tài chính' };
    const period = { code: '2026-6T', label: '6 tháng đầu năm 2026' };
    const back = await fixture.task({ groups: [btg], variables: { unit, period, quyetDinh: 'tra-lai' } });
    const fresh = await fixture.task({ groups: [btg], variables: { unit, period, quyetDinh: null } });
    const listed = await inbox.list(lan, parseInboxQuery({ scope: 'unclaimed', sort: 'created' }));
    const returnedOf = (key: string) => listed.items.find((item) => item.id === key)?.returned;
    expect(returnedOf(back.key)).toBe(true);
    expect(returnedOf(fresh.key)).toBe(false);
    expect((await inbox.get(lan, back.key)).returned).toBe(true);

    await inbox.claim(lan, fresh.key);
    await inbox.complete(lan, fresh.key, { a: 'xong' });
    const done = await inbox.get(lan, fresh.key);
    expect(done).toMatchObject({ open: false, unitName: unit.name, period: period.label, returned: false });
    expect(done.history.map(({ step, action }) => `${step}: ${action}`)).toEqual([
      'Lập báo cáo: Nhận việc',
      'Lập báo cáo: Hoàn thành',
    ]);
  });
});
