import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp({ SESSION_TTL_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
  await h.user('lan', [{ unitCode: 'van-phong', roles: ['staff'] }]);
  await h.user('quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
  await h.user('minh', [{ unitCode: 'van-phong', roles: ['staff', 'head'] }]);
});
afterAll(async () => h?.close());

describe('sessions', () => {
  it('answers 401 without a session and with an unknown cookie', async () => {
    const anonymous = await h.client().get('/api/auth/session');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'unauthenticated', title: 'Chưa đăng nhập' });
    const forged = h.client();
    forged.cookie = 'dv_session=khong-hop-le';
    expect((await forged.get('/api/auth/session')).status).toBe(401);
  });

  it('rejects a state-changing request without or with a wrong CSRF token, and writes nothing', async () => {
    const client = h.client();
    await client.signIn('quantri');
    const before = await h.connection.collection('units').countDocuments();
    const body = { code: 'ban-moi', name: 'Ban mới', kind: 'ban' };
    const missing = await client.post('/api/admin/units', body, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_rejected');
    const wrong = await client.post('/api/admin/units', body, { 'x-csrf-token': 'a'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(await h.connection.collection('units').countDocuments()).toBe(before);
    const right = await client.post('/api/admin/units', body);
    expect(right.status).toBe(201);
  });

  it('expires a session after SESSION_TTL_MINUTES idle, but not while it is used', async () => {
    const client = h.client();
    await client.signIn('lan');
    h.clock.advanceMinutes(25);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    h.clock.advanceMinutes(25); // 50 minutes since sign-in, 25 since last use
    expect((await client.get('/api/auth/session')).status).toBe(200);
    h.clock.advanceMinutes(31);
    const expired = await client.get('/api/auth/session');
    expect(expired.status).toBe(401);
  });

  it('expires a session SESSION_ABSOLUTE_HOURS after sign-in however active it is', async () => {
    const client = h.client();
    await client.signIn('lan');
    for (let i = 0; i < 16; i++) {
      h.clock.advanceMinutes(29);
      expect((await client.get('/api/auth/session')).status).toBe(200);
    }
    h.clock.advanceMinutes(29); // 8 h 13 min after sign-in
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('purges expired sessions from the database', async () => {
    const client = h.client();
    await client.signIn('lan');
    const sessions = h.connection.collection('sessions');
    expect(await sessions.countDocuments({ username: 'lan' })).toBeGreaterThan(0);
    h.clock.advanceMinutes(31);
    expect(await h.module.sessions.purgeExpired()).toBeGreaterThan(0);
    expect(await sessions.countDocuments({ username: 'lan' })).toBe(0);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const client = h.client();
    await client.signIn('lan');
    const stolenCookie = client.cookie;
    const out = await client.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/dv_session=;/);
    const replay = h.client();
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/auth/session')).status).toBe(401);
  });

  it('changes the password: needs the current one, ends other sessions, keeps this one', async () => {
    const laptop = h.client();
    const phone = h.client();
    await laptop.signIn('minh');
    await phone.signIn('minh');
    const wrong = await laptop.post('/api/auth/change-password', {
      currentPassword: 'sai',
      newPassword: 'Moi-mat-khau-9',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_current_password');
    const tooShort = await laptop.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'ngan',
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors).toContainEqual(expect.objectContaining({ field: '/newPassword' }));
    const ok = await laptop.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'Moi-mat-khau-9',
    });
    expect(ok.status).toBe(204);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await h.client().signIn('minh')).status).toBe(401);
    expect((await h.client().signIn('minh', 'Moi-mat-khau-9')).status).toBe(200);
  });

  it('makes a user with an administrator-set password change it before anything else', async () => {
    await h.module.directory.users.create({
      username: 'moi',
      fullName: 'Người mới',
      password: 'Cap-boi-quan-tri-1',
      memberships: [{ unitCode: 'van-phong', roles: ['admin'] }],
    });
    const client = h.client();
    const signIn = await client.signIn('moi', 'Cap-boi-quan-tri-1');
    expect(signIn.body.user).toMatchObject({ mustChangePassword: true });
    const blocked = await client.get('/api/admin/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect((await client.get('/api/auth/session')).status).toBe(200);
    const changed = await client.post('/api/auth/change-password', {
      currentPassword: 'Cap-boi-quan-tri-1',
      newPassword: 'Cua-rieng-toi-2',
    });
    expect(changed.status).toBe(204);
    expect((await client.get('/api/admin/units')).status).toBe(200);
  });

  it('does not keep a session the browser held before a new sign-in (session fixation)', async () => {
    const client = h.client();
    await client.signIn('lan');
    const planted = client.cookie;
    await client.signIn('lan');
    expect(client.cookie).not.toBe(planted);
    const attacker = h.client();
    attacker.cookie = planted;
    expect((await attacker.get('/api/auth/session')).status).toBe(401);
  });

  it('ends the sessions of a user an administrator deactivates', async () => {
    await h.user('tam', [{ unitCode: 'van-phong', roles: ['staff'] }]);
    const user = h.client();
    await user.signIn('tam');
    const admin = h.client();
    await admin.signIn('quantri');
    expect((await admin.post('/api/admin/users/tam/deactivate')).status).toBe(200);
    expect((await user.get('/api/auth/session')).status).toBe(401);
    expect((await h.client().signIn('tam')).status).toBe(401);
  });
});
