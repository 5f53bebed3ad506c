import { createServer } from 'node:net';
import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClients } from '../../../src/app/engine-client/engine-clients.js';
import { camundaTaskEngine, createInboxModule } from '../../../src/app/inbox/index.js';
import { createTestDatabase, startTestApp, type TestApp } from '../../support/harness/index.js';

/** A loopback port nobody listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('an unreachable database or engine', () => {
  let h: TestApp | undefined;
  afterEach(async () => {
    await h?.close().catch(() => undefined);
    h = undefined;
  });

  it('answers 503 with a Vietnamese message and Retry-After when the database is gone, not 500', async () => {
    h = await startTestApp();
    await h.user('lan', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    const lan = h.client();
    await lan.signIn('lan');
    expect((await lan.get('/api/notifications')).status).toBe(200);
    await h.connection.destroy();
    // The session and the user are still in the app's memory; the notifications must be read from the database.
    const answer = await lan.get('/api/notifications');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      code: 'service_unavailable',
      detail: expect.stringContaining('thử lại'),
    });
    expect(answer.headers.get('retry-after')).toBe('30');
  });

  it('answers 503 when the engine does not answer', async () => {
    const port = await closedPort();
    const clients = createEngineClients({
      grpcAddress: `127.0.0.1:${port}`,
      restAddress: `http://127.0.0.1:${port}`,
    });
    const db = createTestDatabase('outage_inbox');
    const connection = await mongoose.createConnection(db.uri).asPromise();
    const holder: { h?: TestApp } = {};
    const inbox = createInboxModule({
      connection,
      clock: { now: () => new Date() },
      engine: camundaTaskEngine(clients.rest),
      groupsOf: (username) =>
        holder.h?.module.directory.candidateGroupsOfUser(username) ?? Promise.resolve([]),
    });
    try {
      h = await startTestApp({}, inbox.routes);
      holder.h = h;
      await h.user('lan', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
      const lan = h.client();
      await lan.signIn('lan');
      const answer = await lan.get('/api/inbox/tasks');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'service_unavailable' });
    } finally {
      await clients.close();
      await connection.close();
      await db.drop();
    }
  });
});
