import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxModule } from '../../../src/app/inbox/index.js';
import {
  deployMultiUnitProcesses,
  PERIOD_PROCESS_ID,
  PERSONNEL_PROCESS_ID,
  startAndWait,
  unitRef,
} from './support/multi-unit-process.js';
import { startTaskEngineFixture, type TaskEngineFixture } from './support/task-engine-fixture.js';
import {
  type ApiResponse,
  createTestDatabase,
  type HttpClient,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../../support/harness/index.js';

/** Words that only Sở Tài chính's people wrote or are: none may reach another unit's clerk. */
const STC_SECRETS = ['Số liệu nội bộ của Sở Tài chính', 'stc.canbo', 'Người dùng stc.canbo'];
const BTG_SECRET = 'Ghi chú nội bộ của Ban Tuyên giáo';

describe('no data crosses units within one process instance', () => {
  let h: TestApp;
  let db: TestDatabase;
  let connection: Connection;
  let fixture: TaskEngineFixture;
  let stc: HttpClient;
  let xm: HttpClient;
  let btg: HttpClient;
  const keys = { stc: '', xm: '', btg: '', instance: '' };

  beforeAll(async () => {
    fixture = await startTaskEngineFixture('isolation');
    await deployMultiUnitProcesses(fixture);
    db = createTestDatabase('isolation');
    connection = await mongoose.createConnection(db.uri).asPromise();
    const holder: { h?: TestApp } = {};
    const inbox = createInboxModule({
      connection,
      clock: { now: () => holder.h?.clock.now() ?? new Date() },
      engine: fixture.engine,
      groupsOf: (username) =>
        holder.h?.module.directory.candidateGroupsOfUser(username) ?? Promise.resolve([]),
      people: { fullNamesOf: (names) => holder.h!.module.directory.users.fullNamesOf(names) },
    });
    h = await startTestApp({}, inbox.routes);
    holder.h = h;
    const units = h.module.directory.units;
    await units.create({
      code: 'so-tai-chinh',
      name: 'Đảng bộ Sở Tài chính',
      kind: 'co-so',
      sector: 'co-quan',
    });
    await units.create({
      code: 'xi-mang',
      name: 'Chi bộ Xi măng Tân Quang',
      kind: 'co-so',
      sector: 'doanh-nghiep',
    });
    await h.user('stc.canbo', [{ unitCode: 'so-tai-chinh', roles: ['staff'] }]);
    await h.user('xm.canbo', [{ unitCode: 'xi-mang', roles: ['staff'] }]);
    await h.user('btg.canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    const started = await startAndWait(
      fixture,
      PERIOD_PROCESS_ID,
      {
        units: [
          unitRef('co-so', 'so-tai-chinh', 'Đảng bộ Sở Tài chính'),
          unitRef('co-so', 'xi-mang', 'Chi bộ Xi măng Tân Quang'),
        ],
      },
      3,
    );
    keys.instance = started.processInstanceKey;
    keys.stc = started.byGroup.get('co-so:so-tai-chinh') ?? '';
    keys.xm = started.byGroup.get('co-so:xi-mang') ?? '';
    keys.btg = started.byGroup.get('ban-tuyen-giao') ?? '';
    expect(Object.values(keys).every(Boolean)).toBe(true);

    [stc, xm, btg] = [h.client(), h.client(), h.client()];
    expect((await stc.signIn('stc.canbo')).status).toBe(200);
    expect((await xm.signIn('xm.canbo')).status).toBe(200);
    expect((await btg.signIn('btg.canbo')).status).toBe(200);
    // Sở Tài chính works on its task: claim, draft, comment. Ban Tuyên giáo comments on its own task.
    expect((await stc.post(`/api/inbox/tasks/${keys.stc}/claim`)).status).toBe(204);
    expect(
      (await stc.request('PUT', `/api/inbox/tasks/${keys.stc}/draft`, { data: { a: 'nháp' } })).status,
    ).toBe(200);
    expect((await stc.post(`/api/inbox/tasks/${keys.stc}/comments`, { text: STC_SECRETS[0] })).status).toBe(
      201,
    );
    expect((await btg.post(`/api/inbox/tasks/${keys.btg}/comments`, { text: BTG_SECRET })).status).toBe(201);
    // Xi măng works on its own.
    expect((await xm.post(`/api/inbox/tasks/${keys.xm}/claim`)).status).toBe(204);
    expect(
      (await xm.post(`/api/inbox/tasks/${keys.xm}/comments`, { text: 'Ý kiến của Xi măng' })).status,
    ).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await connection?.close();
    await db?.drop();
    await fixture?.close();
  });

  const leaks = (response: ApiResponse): string[] => {
    const text = JSON.stringify(response.body);
    return [...STC_SECRETS, BTG_SECRET].filter((secret) => text.includes(secret));
  };

  it('walks every inbox read route as Xi măng’s clerk: its own task shows only its chain, others are 404', async () => {
    const unknown = await xm.get('/api/inbox/tasks/2251799813999999');
    expect(unknown.status).toBe(404);

    const reads: [string, (r: ApiResponse) => void][] = [
      ['/api/inbox/tasks?scope=all', (r) => expect(r.status).toBe(200)],
      ['/api/inbox/tasks?scope=mine', (r) => expect(r.status).toBe(200)],
      ['/api/inbox/tasks?scope=unclaimed', (r) => expect(r.status).toBe(200)],
      [`/api/inbox/tasks/${keys.xm}`, (r) => expect(r.status).toBe(200)],
      [`/api/inbox/tasks/${keys.xm}/comments`, (r) => expect(r.status).toBe(200)],
    ];
    for (const key of [keys.stc, keys.btg])
      for (const path of [`/api/inbox/tasks/${key}`, `/api/inbox/tasks/${key}/comments`])
        reads.push([
          path,
          (r) => {
            // Exactly as a task that does not exist: nothing tells that it does.
            expect(r.status).toBe(404);
            expect(r.body.code).toBe(unknown.body.code);
            expect(r.body.detail).toBe(unknown.body.detail);
          },
        ]);
    for (const [path, check] of reads) {
      const response = await xm.get(path);
      check(response);
      expect(leaks(response), path).toEqual([]);
    }

    const lists = await xm.get('/api/inbox/tasks?scope=all');
    const listed = (lists.body.items as { id: string }[]).map((task) => task.id);
    expect(listed).toEqual([keys.xm]);

    const own = await xm.get(`/api/inbox/tasks/${keys.xm}`);
    expect((own.body.history as { actor: string }[]).map((entry) => entry.actor)).toEqual([
      'Người dùng xm.canbo',
    ]);
    expect((own.body.comments as { text: string }[]).map((c) => c.text)).toEqual(['Ý kiến của Xi măng']);
    const comments = await xm.get(`/api/inbox/tasks/${keys.xm}/comments`);
    expect((comments.body.items as { text: string }[]).map((c) => c.text)).toEqual(['Ý kiến của Xi măng']);
  });

  it('answers every write route on another unit’s task with 404, and changes nothing', async () => {
    for (const key of [keys.stc, keys.btg]) {
      for (const [method, path, body] of [
        ['POST', `/api/inbox/tasks/${key}/claim`, undefined],
        ['POST', `/api/inbox/tasks/${key}/unclaim`, undefined],
        ['PUT', `/api/inbox/tasks/${key}/draft`, { data: { a: 'x' } }],
        ['POST', `/api/inbox/tasks/${key}/complete`, { data: { a: 'x' } }],
        ['POST', `/api/inbox/tasks/${key}/comments`, { text: 'xen ngang' }],
      ] as const) {
        const response = await xm.request(method, path, body);
        expect(response.status, `${method} ${path}`).toBe(404);
      }
    }
    expect((await fixture.engine.get(keys.stc))?.assignee).toBe('stc.canbo');
    const stcComments = await stc.get(`/api/inbox/tasks/${keys.stc}/comments`);
    expect((stcComments.body.items as { text: string }[]).map((c) => c.text)).toEqual([STC_SECRETS[0]]);
  });

  it('shows Ban Tuyên giáo, the owning body, every unit’s comments and history in the instance', async () => {
    const detail = await btg.get(`/api/inbox/tasks/${keys.btg}`);
    expect(detail.status).toBe(200);
    const texts = (detail.body.comments as { text: string }[]).map((c) => c.text);
    expect(texts.sort()).toEqual([BTG_SECRET, STC_SECRETS[0], 'Ý kiến của Xi măng'].sort());
    const actors = (detail.body.history as { actor: string }[]).map((entry) => entry.actor);
    expect(new Set(actors)).toEqual(new Set(['Người dùng stc.canbo', 'Người dùng xm.canbo']));
  });

  it('pages comments newest first and limits how fast one user writes them', async () => {
    for (let i = 0; i < 9; i++) {
      h.clock.advance(1_000);
      const added = await btg.post(`/api/inbox/tasks/${keys.btg}/comments`, { text: `Nhắc lần ${i}` });
      expect(added.status, `comment ${i}`).toBe(201);
    }
    // The 11th within a minute (one was written in the set-up) is refused, and not stored.
    const refused = await btg.post(`/api/inbox/tasks/${keys.btg}/comments`, { text: 'quá nhanh' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_comments');
    const first = await btg.get(`/api/inbox/tasks/${keys.btg}/comments`);
    const items = first.body.items as { text: string }[];
    expect(items[0]?.text).toBe('Nhắc lần 8');
    expect(items.some((c) => c.text === 'quá nhanh')).toBe(false);
    expect(first.body.next).toBeNull();
    expect((await btg.get(`/api/inbox/tasks/${keys.btg}/comments?before=abc`)).status).toBe(400);
    h.clock.advance(61_000);
    expect((await btg.post(`/api/inbox/tasks/${keys.btg}/comments`, { text: 'Sau một phút' })).status).toBe(
      201,
    );
  });

  it('pages through more than one page of comments without losing or repeating one', async () => {
    const { CommentStore } = await import('../../../src/app/inbox/comment.store.js');
    const store = new CommentStore(connection);
    for (let i = 0; i < 120; i++)
      await store.add({
        processInstanceKey: 'p-paging',
        taskKey: 't',
        chain: 'co-so:xi-mang',
        author: 'a',
        authorName: 'A',
        text: `c${i}`,
        // Pairs share a time, so the cursor must break ties.
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 2))),
      });
    const seen: string[] = [];
    let next: string | null | undefined;
    do {
      const page = await store.page('p-paging', { chain: 'co-so:xi-mang', whole: false }, next ?? undefined);
      seen.push(...page.items.map((c) => c.text));
      next = page.next;
    } while (next);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toMatch(/^c11[89]$/);
    expect((await store.page('p-paging', { chain: 'co-so:so-tai-chinh', whole: false })).items).toEqual([]);
  });

  it('keeps a draft only in the form’s shape: unknown keys and wrong types refused (422), size limited (413)', async () => {
    const path = `/api/inbox/tasks/${keys.stc}/draft`;
    const put = (data: unknown) => stc.request('PUT', path, { data });
    // Half-filled is fine: a draft need not be complete.
    expect((await put({ a: 'bản nháp', g: { x: 'y' } })).status).toBe(200);
    expect((await put({})).status).toBe(200);
    // form-js hands back the task's variables with the values: accepted, not kept in the draft.
    expect((await put({ a: 'có biến', units: [{ code: 'x' }], unit: { code: 'y' } })).status).toBe(200);
    const withVariables = await stc.get(`/api/inbox/tasks/${keys.stc}`);
    expect((withVariables.body.data as { unit: { code: string } }).unit.code).toBe('so-tai-chinh');
    expect((withVariables.body.data as { units: unknown[] }).units).toHaveLength(2);
    const unknown = await put({ a: 'x', khongCo: 1, g: { x: 'y', z: 2 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.map((e) => e.field).sort()).toEqual(['g.z', 'khongCo']);
    const wrongType = await put({ n: 'năm', a: { html: '<b>' } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors?.map((e) => e.field).sort()).toEqual(['a', 'n']);
    const huge = await put({ a: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('draft_too_large');
    // None of the refused drafts replaced the last good one.
    const detail = await stc.get(`/api/inbox/tasks/${keys.stc}`);
    expect(detail.body.data).not.toHaveProperty('khongCo');
    expect((detail.body.data as { a?: unknown }).a).not.toEqual({ html: '<b>' });
  });

  it('keeps a completed task’s comments read-only (409), still readable by its assignee', async () => {
    expect((await xm.post(`/api/inbox/tasks/${keys.xm}/complete`, { data: { a: 'xong' } })).status).toBe(204);
    const late = await xm.post(`/api/inbox/tasks/${keys.xm}/comments`, { text: 'muộn' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('task_completed');
    const read = await xm.get(`/api/inbox/tasks/${keys.xm}/comments`);
    expect(read.status).toBe(200);
    expect((read.body.items as { text: string }[]).map((c) => c.text)).toEqual(['Ý kiến của Xi măng']);
  });

  it('writes each read of personnel data to the audit trail: who, when, from where, which task', async () => {
    await h.user('btc.canbo', [{ unitCode: 'ban-to-chuc', roles: ['staff'] }]);
    await h.user('giamsat', [{ unitCode: 'ubkt', roles: ['supervisor'] }]);
    const personnel = await startAndWait(
      fixture,
      PERSONNEL_PROCESS_ID,
      { unit: unitRef('doan-the', 'doan-thanh-nien', 'Đoàn Thanh niên Khối'), hoTen: 'Nguyễn Văn Ứng Viên' },
      1,
    );
    const key = [...personnel.byGroup.values()][0]!;
    const btc = h.client();
    await btc.signIn('btc.canbo');
    expect((await btc.get(`/api/inbox/tasks/${key}`)).status).toBe(200);
    expect((await btc.get(`/api/inbox/tasks/${key}/comments`)).status).toBe(200);
    // A read of a report task is not personnel data: not written.
    expect((await btg.get(`/api/inbox/tasks/${keys.btg}`)).status).toBe(200);

    const supervisor = h.client();
    await supervisor.signIn('giamsat');
    const trail = await supervisor.get('/api/admin/audit?action=personnel');
    expect(trail.status).toBe(200);
    const items = trail.body.items as {
      actor: string;
      action: string;
      target: string;
      ip: string;
      at: string;
    }[];
    expect(items.map((e) => e.action).sort()).toEqual(['personnel.comments-read', 'personnel.task-read']);
    for (const entry of items) {
      expect(entry).toMatchObject({ actor: 'btc.canbo', target: key });
      expect(entry.ip).toMatch(/127\.0\.0\.1/);
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    const byOthers = await supervisor.get('/api/admin/audit?action=personnel&actor=btg.canbo');
    expect(byOthers.body.total).toBe(0);
  });
});
