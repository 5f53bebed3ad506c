/** Issue 4, item 5: the in-app notification record, as its user reads it. */
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notifier, notificationRoutes } from '../../../src/app/notifications/index.js';
import { startHarness, type Harness } from '../support/app-harness.js';

let h: Harness;
let connection: Connection;
beforeAll(async () => {
  h = await startHarness(
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
});
