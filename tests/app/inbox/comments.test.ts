import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxModule } from '../../../src/app/inbox/index.js';
import { startTaskEngineFixture, type TaskEngineFixture } from './support/task-engine-fixture.js';
import {
  createTestDatabase,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../../support/harness/index.js';

describe('comments on a task', () => {
  let h: TestApp;
  let db: TestDatabase;
  let connection: Connection;
  let fixture: TaskEngineFixture;
  /** One open task of the Ban Tuyên giáo in the embedded engine; comments are what is under test. */
  const task = { key: '' };
  let path = '';

  beforeAll(async () => {
    fixture = await startTaskEngineFixture('comments');
    task.key = (await fixture.task({ groups: ['ban-tuyen-giao'] })).key;
    path = `/api/inbox/tasks/${task.key}/comments`;
    db = createTestDatabase('comments');
    connection = await mongoose.createConnection(db.uri).asPromise();
    const holder: { h?: TestApp } = {};
    const inbox = createInboxModule({
      connection,
      clock: { now: () => holder.h?.clock.now() ?? new Date() },
      engine: fixture.engine,
      groupsOf: (username) =>
        holder.h?.module.directory.candidateGroupsOfUser(username) ?? Promise.resolve([]),
    });
    h = await startTestApp({}, inbox.routes);
    holder.h = h;
    await h.user('lan', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    await h.user('tuan', [{ unitCode: 'ban-tuyen-giao', roles: ['head'] }]);
    await h.user('huong', [{ unitCode: 'van-phong', roles: ['staff'] }]);
  });
  afterAll(async () => {
    await h?.close();
    await connection?.close();
    await db?.drop();
    await fixture?.close();
  });

  it('answers a user outside the task’s groups as for an unknown task (404), reading and writing', async () => {
    const huong = h.client();
    await huong.signIn('huong');
    expect((await huong.get(path)).status).toBe(404);
    expect((await huong.post(path, { text: 'Tôi không thuộc nhóm này' })).status).toBe(404);
    expect((await huong.get('/api/inbox/tasks/999/comments')).status).toBe(404);
  });

  it('refuses an empty or too long comment with a message on the field', async () => {
    const lan = h.client();
    await lan.signIn('lan');
    const empty = await lan.post(path, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors?.[0]?.field).toBe('text');
    const long = await lan.post(path, { text: 'a'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.body.errors?.[0]?.message).toContain('2000');
    expect((await lan.post(path, { text: 'a'.repeat(2000) })).status).toBe(201);
    expect((await lan.post(path, {})).status).toBe(400);
  });

  it('lists comments newest first with the author’s full name and the clock’s time, also on the task', async () => {
    const lan = h.client();
    await lan.signIn('lan');
    const tuan = h.client();
    await tuan.signIn('tuan');
    h.clock.advance(60_000);
    expect((await lan.post(path, { text: 'Đề nghị bổ sung số liệu quý II.' })).status).toBe(201);
    const firstAt = h.clock.now().toISOString();
    h.clock.advance(60_000);
    const added = await tuan.post(path, { text: 'Đồng ý.' });
    expect(added.status).toBe(201);
    const listed = await tuan.get(path);
    const items = listed.body.items as { at: string; author: string; text: string }[];
    expect(items.slice(0, 2)).toEqual([
      { at: h.clock.now().toISOString(), author: 'Người dùng tuan', text: 'Đồng ý.' },
      { at: firstAt, author: 'Người dùng lan', text: 'Đề nghị bổ sung số liệu quý II.' },
    ]);
    const detail = await lan.get(`/api/inbox/tasks/${task.key}`);
    expect((detail.body.comments as unknown[]).slice(0, 2)).toEqual(items.slice(0, 2));
  });
});
