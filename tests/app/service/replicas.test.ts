/**
 * Issue 13, item 7: two app replicas — the real `startService`, twice — on one engine and one database, as behind a
 * load balancer. What one replica does is seen by the other: sessions, lockouts, role changes; and what must happen
 * once happens once: seeding, deploying, and each new task's notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { loadConfig } from '../../../src/lib/config.js';
import { startService, type ServiceHandle } from '../../../src/main.js';
import {
  createTestDatabase,
  eventually,
  HttpClient,
  processResource,
  startTestEngine,
  userTaskProcess,
  type TestDatabase,
  type TestEngine,
} from '../../support/harness/index.js';
import { startSmtpSink, type SmtpSink } from '../../scenarios/support/smtp-sink.js';

let engine: TestEngine;
let database: TestDatabase;
let smtp: SmtpSink;
let replicas: ServiceHandle[] = [];

const replicaConfig = () =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    MONGODB_URI: database.uri,
    ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    SMTP_URL: smtp.url,
    SEED_DEMO: 'true',
    LOGIN_MAX_FAILURES: '3',
    TASK_NOTICE_INTERVAL_MS: '1000',
  });

beforeAll(async () => {
  engine = await startTestEngine({ database: 'replicas-engine' });
  database = createTestDatabase('replicas');
  smtp = await startSmtpSink();
  // Started together, as an orchestrator starts replicas: both seed, deploy and start their workers at once.
  replicas = await Promise.all([startService(replicaConfig()), startService(replicaConfig())]);
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await smtp?.close();
  await engine?.close();
  await database?.drop();
});

const clientOf = (index: 0 | 1): HttpClient => new HttpClient(replicas[index]!.url);

/** The same browser (cookie and CSRF token) sent to the other replica, as a load balancer without affinity does. */
function sameBrowserAt(index: 0 | 1, browser: HttpClient): HttpClient {
  const moved = clientOf(index);
  moved.cookie = browser.cookie;
  moved.csrfToken = browser.csrfToken;
  return moved;
}

/** Asks until the answer's status is `status`; returns how long that took (ms). */
async function msUntilStatus(ask: () => Promise<{ status: number }>, status: number): Promise<number> {
  const started = Date.now();
  while ((await ask()).status !== status) {
    if (Date.now() - started > 15_000) throw new Error(`still not ${status} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('two app replicas on one engine and one database', () => {
  it('seed the organisation and deploy each process once between them', async () => {
    const admin = clientOf(0);
    expect((await admin.signIn('admin', DEMO_PASSWORD)).status).toBe(200);
    const users = await admin.get('/api/admin/users?status=all&pageSize=100');
    const names = (users.body.items as { username: string }[]).map((user) => user.username);
    expect(names.sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.username).sort());
    // Both replicas deployed processes/ at start, one after the other: the engine kept the first version.
    await eventually(async () => {
      const found = await engine.rest.searchProcessDefinitions(
        { filter: { processDefinitionId: 'bao-cao-dan-van' } } as never,
        { consistency: { waitUpToMs: 0 } } as never,
      );
      expect((found.items as { version: number }[]).map((item) => item.version)).toEqual([1]);
    });
  });

  it('accept a sign-in made through one replica on the other, and end it on both when signed out', async () => {
    const browser = clientOf(0);
    expect((await browser.signIn('btg.canbo', DEMO_PASSWORD)).status).toBe(200);
    const elsewhere = sameBrowserAt(1, browser);
    const session = await elsewhere.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect((session.body.user as { username: string }).username).toBe('btg.canbo');

    expect((await browser.post('/api/auth/sign-out')).status).toBeLessThan(300);
    expect(await msUntilStatus(() => elsewhere.get('/api/auth/session'), 401)).toBeLessThan(5_000);
  });

  it('hold a lockout made through one replica on the other', async () => {
    const first = clientOf(0);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await first.signIn('btc.canbo', 'Sai-mat-khau-123')).status).not.toBe(200);
    const second = clientOf(1);
    const refused = await second.signIn('btc.canbo', DEMO_PASSWORD);
    expect(refused.status).toBe(423);
    expect(refused.body.code).toBe('account_locked');
  });

  it('refuse, within 5 s, a role removed through the other replica', async () => {
    const admin = clientOf(0);
    expect((await admin.signIn('admin', DEMO_PASSWORD)).status).toBe(200);
    const granted = await admin.post('/api/admin/users/vanphong.canbo/roles', {
      unitCode: 'van-phong',
      role: 'admin',
    });
    expect(granted.status).toBe(200);
    const user = clientOf(1);
    expect((await user.signIn('vanphong.canbo', DEMO_PASSWORD)).status).toBe(200);
    // Read through the second replica, so its memory holds the user with the role.
    expect((await user.get('/api/admin/users')).status).toBe(200);
    expect((await user.get('/api/admin/users')).status).toBe(200);

    const removed = await admin.post('/api/admin/users/vanphong.canbo/roles/remove', {
      unitCode: 'van-phong',
      role: 'admin',
    });
    expect(removed.status).toBe(200);
    const took = await msUntilStatus(() => user.get('/api/admin/users'), 403);
    expect(took).toBeLessThan(5_000);
  });

  it('send exactly one notice per new task though both replicas poll for them', async () => {
    const admin = clientOf(0);
    expect((await admin.signIn('admin', DEMO_PASSWORD)).status).toBe(200);
    expect((await admin.patch('/api/admin/users/btg.canbo', { email: NOTICE_EMAIL })).status).toBe(200);
    await engine.zeebe.deployResources([
      processResource(
        'replica-notice.bpmn',
        userTaskProcess('replica-notice', { name: 'Replica notice', candidateGroups: 'ban-tuyen-giao' }),
      ),
    ]);
    await expectOneNoticeEach(50);
  }, 90_000);

  it('stop telling, within seconds, a member whose role was removed through the replica not sending', async () => {
    const sender = await leaseHolder('task-notices');
    const admin = clientOf(sender === 0 ? 1 : 0);
    expect((await admin.signIn('admin', DEMO_PASSWORD)).status).toBe(200);
    const role = { unitCode: 'ban-tuyen-giao', role: 'staff' };
    expect((await admin.post('/api/admin/users/btg.canbo/roles/remove', role)).status).toBe(200);
    // The sender read who is in the group for the notices above; a change signal makes it read again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { processInstanceKey } = await engine.zeebe.createProcessInstance({
      bpmnProcessId: 'replica-notice',
      variables: {},
    });
    const noticesTo = async (username: string) =>
      replicas[0]!.connection
        .collection('notifications')
        .find({ username, processInstanceKey: String(processInstanceKey) })
        .toArray();
    await eventually(async () => expect(await noticesTo('btg.lanhdao')).toHaveLength(1), 30_000, 250);
    expect(await noticesTo('btg.canbo')).toEqual([]);
    expect((await admin.post('/api/admin/users/btg.canbo/roles', role)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }, 60_000);

  it('go on sending from the other replica when the one sending stops', async () => {
    const holder = await leaseHolder('task-notices');
    const [stopping] = replicas.splice(holder, 1);
    await stopping!.close();
    await expectOneNoticeEach(5);
    // The replica left holds the lease now.
    expect(await leaseHolder('task-notices')).toBe(0);
  }, 90_000);
});

const NOTICE_EMAIL = 'btg.canbo@replicas.test';

/** The replica holding a lease now: the holder of its latest term. */
async function leaseHolder(name: string): Promise<number> {
  const [latest] = await replicas[0]!.connection
    .collection<{ lease: string; term: number; holder: string }>('leases')
    .find({ lease: name })
    .sort({ term: -1 })
    .limit(1)
    .toArray();
  const index = replicas.findIndex((replica) => replica.replicaId === latest?.holder);
  expect(index, `holder of ${name}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** `count` new tasks of the test process; each one's notice reaches btg.canbo once, in-app and by mail. */
async function expectOneNoticeEach(count: number): Promise<void> {
  const mailsBefore = smtp.mails.length;
  const created = await Promise.all(
    Array.from({ length: count }, () =>
      engine.zeebe.createProcessInstance({ bpmnProcessId: 'replica-notice', variables: {} }),
    ),
  );
  const instances = new Set(created.map((instance) => String(instance.processInstanceKey)));
  const noticesOf = async () =>
    (
      await replicas[0]!.connection
        .collection('notifications')
        .find({ username: 'btg.canbo', kind: 'cong-viec-moi' })
        .toArray()
    ).filter((notice) => instances.has(String(notice.processInstanceKey)));
  await eventually(async () => expect(await noticesOf()).toHaveLength(count), 60_000, 250);
  // The replicas keep polling: a few more polls send nothing more.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const notices = await noticesOf();
  expect(notices).toHaveLength(count);
  expect(new Set(notices.map((notice) => notice.taskKey)).size).toBe(count);
  const mails = smtp.mails.slice(mailsBefore).filter((mail) => mail.to.includes(NOTICE_EMAIL));
  expect(mails).toHaveLength(count);
}
