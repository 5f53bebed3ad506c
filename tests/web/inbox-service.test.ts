import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InboxService } from '../../src/app/inbox/inbox.service.js';
import { InboxStore } from '../../src/app/inbox/inbox.store.js';
import { EngineRefusal, type EngineTask, type TaskEngine } from '../../src/app/inbox/task-engine.port.js';
import type { TaskTaker } from '../../src/app/inbox/task-access.js';
import { parseInboxQuery } from '../../src/app/inbox/inbox-query.js';
import { AppError } from '../../src/lib/errors.js';
import { TestClock } from '../../src/lib/clock.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** An engine holding tasks in memory, answering like Camunda's REST v2 (404 unknown, 409 on a closed task). */
class FakeEngine implements TaskEngine {
  tasks = new Map<string, EngineTask>();
  completed: Record<string, unknown>[] = [];

  add(key: string, changes: Partial<EngineTask> = {}): void {
    this.tasks.set(key, {
      key,
      name: `Việc ${key}`,
      elementId: 'lap',
      processDefinitionId: 'bao-cao',
      processDefinitionKey: '1',
      processInstanceKey: `pi-${key}`,
      candidateGroups: ['ban-tuyen-giao'],
      assignee: null,
      state: 'CREATED',
      creationDate: '2026-06-01T02:00:00.000Z',
      dueDate: null,
      priority: 50,
      ...changes,
    });
  }
  async searchOpen(filter: { candidateGroup: string } | { assignee: string }) {
    return [...this.tasks.values()].filter(
      (task) =>
        task.state === 'CREATED' &&
        ('assignee' in filter
          ? task.assignee === filter.assignee
          : task.candidateGroups.includes(filter.candidateGroup)),
    );
  }
  async get(key: string) {
    return this.tasks.get(key) ?? null;
  }
  async form() {
    return {
      type: 'default',
      components: [{ type: 'textfield', id: 'Field_a', key: 'a', label: 'A', validate: { required: true } }],
    };
  }
  async variables() {
    return {};
  }
  async definition() {
    return { name: 'Báo cáo', xml: '<xml/>' };
  }
  async assign(key: string, assignee: string) {
    const task = this.tasks.get(key);
    if (!task) throw new EngineRefusal(404, 'not found');
    task.assignee = assignee;
  }
  async unassign(key: string) {
    const task = this.tasks.get(key);
    if (task) task.assignee = null;
  }
  async complete(key: string, variables: Record<string, unknown>) {
    const task = this.tasks.get(key);
    if (!task || task.state !== 'CREATED') throw new EngineRefusal(409, 'closed');
    task.state = 'COMPLETED';
    this.completed.push(variables);
  }
}

const lan: TaskTaker = { username: 'lan', groups: ['ban-tuyen-giao'] };
const tuan: TaskTaker = { username: 'tuan', groups: ['ban-tuyen-giao', 'ban-tuyen-giao:lanh-dao'] };
const huong: TaskTaker = { username: 'huong', groups: ['van-phong'] };

let db: TestDatabase;
let connection: Connection;
let engine: FakeEngine;
let inbox: InboxService;

beforeAll(async () => {
  db = createTestDatabase('inbox');
  connection = await mongoose.createConnection(db.uri).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});
beforeEach(() => {
  engine = new FakeEngine();
  inbox = new InboxService(engine, new InboxStore(connection), new TestClock('2026-06-10T02:00:00.000Z'));
});

async function failure(call: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

describe('the inbox service', () => {
  it('lists per scope with counts, filters overdue and sorts by priority', async () => {
    engine.add('1', { assignee: 'lan', dueDate: '2026-06-01T00:00:00.000Z', priority: 20 });
    engine.add('2', { priority: 90 });
    engine.add('3', { candidateGroups: ['van-phong'] });
    engine.add('4', { candidateGroups: ['van-phong'], assignee: 'lan', priority: 60 });
    const all = await inbox.list(lan, parseInboxQuery({ scope: 'all', sort: 'priority' }));
    expect(all.items.map((task) => task.id)).toEqual(['2', '4', '1']);
    expect(all.counts).toEqual({ mine: 2, unclaimed: 1, all: 3 });
    const overdue = await inbox.list(lan, parseInboxQuery({ scope: 'all', due: 'overdue' }));
    expect(overdue.items.map((task) => task.id)).toEqual(['1']);
    // A member of a task's group sees it under "all" even while someone else holds it.
    const office = await inbox.list(huong, parseInboxQuery({ scope: 'all' }));
    expect(office.items.map((task) => task.id).sort()).toEqual(['3', '4']);
    expect(office.counts).toEqual({ mine: 0, unclaimed: 1, all: 2 });
  });

  it('lets the assignee see a task outside their groups, but nobody else', async () => {
    engine.add('5', { candidateGroups: ['van-phong'], assignee: 'lan' });
    expect((await inbox.get(lan, '5')).canComplete).toBe(true);
    expect(await failure(inbox.get(tuan, '5'))).toEqual({ status: 403, code: 'task_forbidden' });
    expect(await failure(inbox.get(lan, '404'))).toEqual({ status: 404, code: 'task_not_found' });
  });

  it('refuses every action to a user outside the groups with 403', async () => {
    engine.add('6');
    for (const call of [
      inbox.get(huong, '6'),
      inbox.claim(huong, '6'),
      inbox.unclaim(huong, '6'),
      inbox.saveDraft(huong, '6', { a: 'x' }),
      inbox.complete(huong, '6', { a: 'x' }),
    ])
      expect((await failure(call)).status).toBe(403);
    expect(engine.tasks.get('6')?.assignee).toBeNull();
  });

  it('keeps a held task from the other members: claim 409, unclaim/draft/complete 403', async () => {
    engine.add('7');
    await inbox.claim(lan, '7');
    await inbox.claim(lan, '7'); // claiming one's own task again changes nothing
    expect(await failure(inbox.claim(tuan, '7'))).toEqual({ status: 409, code: 'task_already_claimed' });
    expect(await failure(inbox.unclaim(tuan, '7'))).toEqual({ status: 403, code: 'task_claimed_by_other' });
    expect(await failure(inbox.saveDraft(tuan, '7', {}))).toEqual({
      status: 403,
      code: 'task_claimed_by_other',
    });
    expect(await failure(inbox.complete(tuan, '7', { a: 'x' }))).toEqual({
      status: 403,
      code: 'task_claimed_by_other',
    });
    await inbox.unclaim(lan, '7');
    expect(await failure(inbox.complete(lan, '7', { a: 'x' }))).toEqual({
      status: 409,
      code: 'task_not_claimed',
    });
  });

  it('validates on complete, completes once with the accepted values, drops the draft and writes the history', async () => {
    engine.add('8');
    await inbox.claim(lan, '8');
    await inbox.saveDraft(lan, '8', { a: 'nháp' });
    expect((await inbox.get(lan, '8')).data).toEqual({ a: 'nháp' });
    const refused = await inbox.complete(lan, '8', { a: '' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).errors?.map((error) => error.field).join()).toContain('a');
    await inbox.complete(lan, '8', { a: 'xong' });
    expect(engine.completed).toEqual([{ a: 'xong' }]);
    expect(await failure(inbox.complete(lan, '8', { a: 'xong' }))).toEqual({
      status: 409,
      code: 'task_completed',
    });
    const store = new InboxStore(connection);
    expect(await store.draftOf('8', 'lan')).toBeNull();
    expect((await store.historyOf('pi-8')).map((entry) => entry.action)).toEqual([
      'claim',
      'draft',
      'complete',
    ]);
  });
});
