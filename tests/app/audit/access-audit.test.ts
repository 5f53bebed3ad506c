import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordStore } from '../../../src/app/records/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { passwordWeakness } from '../../../src/lib/password-policy.js';
import { PASSWORD, startTestApp, type TestApp } from '../../support/harness/index.js';

interface Entry {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, string>;
  ip: string;
}

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '3' });
  await h.user('lan', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
  await h.user('giamsat', [{ unitCode: 'ubkt', roles: ['supervisor'] }]);
  await h.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
});
afterAll(async () => h?.close());

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('the audit trail of access', () => {
  it('records sign-ins (success, failure, lockout), sign-outs and password changes with who, when, from where', async () => {
    const lan = h.client();
    expect(
      (
        await lan.post(
          '/api/auth/sign-in',
          { username: 'lan', password: 'sai-mat-khau' },
          from('203.0.113.7'),
        )
      ).status,
    ).toBe(401);
    const ok = await lan.post(
      '/api/auth/sign-in',
      { username: 'lan', password: PASSWORD },
      from('203.0.113.7'),
    );
    expect(ok.status).toBe(200);
    lan.csrfToken = String(ok.body.csrfToken);
    const newPassword = 'Song-Lo-chay-qua-2026';
    expect(
      (
        await lan.request(
          'POST',
          '/api/auth/change-password',
          { currentPassword: PASSWORD, newPassword },
          from('203.0.113.7'),
        )
      ).status,
    ).toBe(204);
    expect((await lan.request('POST', '/api/auth/sign-out', undefined, from('203.0.113.7'))).status).toBe(
      204,
    );
    for (let i = 0; i < 4; i++)
      await h
        .client()
        .post('/api/auth/sign-in', { username: 'canbo', password: `sai-${i}` }, from('198.51.100.2'));

    const supervisor = h.client();
    expect((await supervisor.signIn('giamsat')).status).toBe(200);
    const mine = await supervisor.get('/api/admin/audit?actor=lan');
    const entries = (mine.body.items as Entry[]).reverse();
    expect(entries.map((e) => `${e.action}${e.detail.outcome ? `:${e.detail.outcome}` : ''}`)).toEqual([
      'auth.sign-in:failure',
      'auth.sign-in:success',
      'auth.password-change',
      'auth.sign-out',
    ]);
    for (const entry of entries) {
      expect(entry.ip).toBe('203.0.113.7');
      expect(entry.target).toBe('lan');
      expect(Date.parse(entry.at)).toBe(h.clock.now().getTime());
    }
    const lockouts = await supervisor.get('/api/admin/audit?action=auth.sign-in&actor=canbo');
    expect((lockouts.body.items as Entry[]).map((e) => e.detail.outcome).reverse()).toEqual([
      'failure',
      'failure',
      'locked',
      'locked',
    ]);
    expect((lockouts.body.items as Entry[]).every((e) => e.ip === '198.51.100.2')).toBe(true);
    const byAddress = await supervisor.get('/api/admin/audit?ip=198.51.100.2');
    expect(byAddress.body.total).toBe(4);

    // Nothing secret anywhere in the trail: no password, no session token, no CSRF token.
    const raw = JSON.stringify(await h.connection.collection('admin_audit').find().toArray());
    for (const secret of [PASSWORD, newPassword, 'sai-mat-khau', 'sai-0', String(ok.body.csrfToken)])
      expect(raw).not.toContain(secret);
    const cookieToken = decodeURIComponent(
      (lan.cookie ?? ok.headers.get('set-cookie') ?? '').split('=')[1] ?? 'x',
    );
    expect(raw).not.toContain(cookieToken.split(';')[0]);
  });

  it('filters by time, refuses a malformed filter (400) and is for supervisors and administrators only', async () => {
    const supervisor = h.client();
    await supervisor.signIn('giamsat');
    const now = h.clock.now().toISOString();
    expect(
      (await supervisor.get(`/api/admin/audit?from=${encodeURIComponent(now)}`)).body.total,
    ).toBeGreaterThan(0);
    h.clock.advanceMinutes(1);
    const later = h.clock.now().toISOString();
    expect((await supervisor.get(`/api/admin/audit?from=${encodeURIComponent(later)}`)).body.total).toBe(0);
    const bad = await supervisor.get('/api/admin/audit?from=hom-qua&actor=%24ne');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['actor', 'from']);
    const staff = h.client();
    await h.user('khanh', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
    await staff.signIn('khanh');
    expect((await staff.get('/api/admin/audit')).status).toBe(403);
  });

  it('records each document download (not a refused one) with the document, who and from where', async () => {
    const records = new RecordStore(h.connection);
    const id = await records.saveDocument(
      {
        key: 'doc-1',
        mauVanBan: 'y-kien-nhan-su',
        tenTep: 'Y-kien-nhan-su.docx',
        soKyHieu: '12-CV/ĐUK',
        processInstanceKey: '1',
        audienceGroups: ['ban-to-chuc'],
        content: Buffer.from('PK'),
      },
      h.clock.now(),
    );
    await h.user('btc', [{ unitCode: 'ban-to-chuc', roles: ['staff'] }]);
    const btc = h.client();
    await btc.signIn('btc');
    expect(
      (
        await fetch(`${h.url}/api/documents/${id}`, {
          headers: { cookie: btc.cookie!, ...from('192.0.2.50') },
        })
      ).status,
    ).toBe(200);
    const outsider = h.client();
    await outsider.signIn('khanh');
    expect((await outsider.get(`/api/documents/${id}`)).status).toBe(404);
    const supervisor = h.client();
    await supervisor.signIn('giamsat');
    const downloads = (await supervisor.get('/api/admin/audit?action=document')).body.items as Entry[];
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({
      actor: 'btc',
      action: 'document.download',
      target: id,
      ip: '192.0.2.50',
    });
  });

  it('gives the demo accounts a password that meets the policy (12+ characters, not common, none of their names)', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    for (const account of DEMO_ACCOUNTS)
      expect(passwordWeakness(DEMO_PASSWORD, account), account.username).toBeNull();
    expect(passwordWeakness('DanVan@2026', { username: 'admin' })).toContain('12 ký tự');
  });
});
