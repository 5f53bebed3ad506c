/** Issue 4, item 5: the in-app notification record, as its user reads it. */
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notifier, notificationRoutes } from '../../../src/app/notifications/index.js';
import { startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;
let connection: Connection;
beforeAll(async () => {
  h = await startTestApp(
    {},
    notificationRoutes({ collection: (name: string) => h.connection.collection(name) } as never),
  );
  connection = h.connection;
  await h.user('nv.btg', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
  await h.user('nv.vp', [{ unitCode: 'van-phong', roles: ['staff'] }]);
}, 60_000);
afterAll(async () => h?.close());

describe('/api/notifications', () => {
  it('lists only the signed-in user’s notices and marks one read', async () => {
    const notifier = new Notifier({
      connection,
      directory: h.module.directory,
      clock: h.clock,
      smtpUrl: undefined,
    });
    await notifier.send({
      key: 'k1',
      kind: 'qua-han',
      groups: ['ban-tuyen-giao'],
      subject: 'Đơn vị quá hạn',
      text: 'Đoàn Thanh niên Khối quá hạn.',
    });

    const btg = h.client();
    await btg.signIn('nv.btg');
    const listed = await btg.request('GET', '/api/notifications');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      unread: 1,
      items: [{ kind: 'qua-han', subject: 'Đơn vị quá hạn', read: false }],
    });
    const id = (listed.body.items as { id: string }[])[0]!.id;

    const vp = h.client();
    await vp.signIn('nv.vp');
    expect((await vp.request('GET', '/api/notifications')).body).toMatchObject({ unread: 0, items: [] });
    expect((await vp.request('POST', `/api/notifications/${encodeURIComponent(id)}/read`)).status).toBe(404);

    expect((await btg.request('POST', `/api/notifications/${encodeURIComponent(id)}/read`)).status).toBe(204);
    expect((await btg.request('GET', '/api/notifications')).body).toMatchObject({
      unread: 0,
      items: [{ read: true }],
    });
  }, 60_000);

  it('pages the list newest first, counts unread ones apart, keeps the task a notice is about, and marks all read', async () => {
    const notifier = new Notifier({
      connection,
      directory: h.module.directory,
      clock: h.clock,
      smtpUrl: undefined,
    });
    for (let index = 0; index < 55; index++) {
      h.clock.advance(1_000);
      await notifier.send({
        key: `page-${index}`,
        kind: 'cong-viec-moi',
        groups: ['van-phong'],
        subject: `Công việc mới số ${index}`,
        text: 'Có công việc mới.',
        taskKey: `2251799813685${String(index).padStart(3, '0')}`,
      });
    }
    const vp = h.client();
    await vp.signIn('nv.vp');
    const first = await vp.request('GET', '/api/notifications');
    expect(first.body).toMatchObject({ unread: 55, total: 55, page: 1, pageSize: 50 });
    const firstItems = first.body.items as { subject: string; taskKey: string | null; createdAt: string }[];
    expect(firstItems).toHaveLength(50);
    expect(firstItems[0]).toMatchObject({ subject: 'Công việc mới số 54', taskKey: '2251799813685054' });
    expect(Date.parse(firstItems[0]!.createdAt)).toBeGreaterThan(Date.parse(firstItems[1]!.createdAt));
    const second = await vp.request('GET', '/api/notifications?page=2');
    expect((second.body.items as { subject: string }[]).map((item) => item.subject)).toEqual(
      [4, 3, 2, 1, 0].map((index) => `Công việc mới số ${index}`),
    );
    // A page that is not a page number is the first page, never an error.
    for (const page of ['0', '-1', 'abc', '2.5', ''])
      expect((await vp.request('GET', `/api/notifications?page=${page}`)).body).toMatchObject({ page: 1 });
    expect((await vp.request('GET', '/api/notifications?page=1e9')).body).toMatchObject({
      page: 200,
      items: [],
    });
    expect((await vp.request('GET', '/api/notifications/unread-count')).body).toEqual({ unread: 55 });

    expect((await vp.request('POST', '/api/notifications/read-all')).status).toBe(204);
    expect((await vp.request('GET', '/api/notifications/unread-count')).body).toEqual({ unread: 0 });
    // Only one's own: the other user's unread notice stays unread.
    const btg = h.client();
    await btg.signIn('nv.btg');
    expect((await btg.request('GET', '/api/notifications')).body).toMatchObject({ total: 1 });
    expect((await h.client().request('GET', '/api/notifications/unread-count')).status).toBe(401);
  }, 60_000);
});
