import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCKOUT_MINUTES: '15',
    LOGIN_IP_MAX_ATTEMPTS: '8',
  });
  await h.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
  await h.user('khoa', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
});
afterAll(async () => h?.close());

describe('sign-in', () => {
  it('signs in with the right password: an HttpOnly SameSite=Lax session cookie, a CSRF token, a stored hash only', async () => {
    const client = h.client();
    const response = await client.signIn('canbo');
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: 'canbo', fullName: 'Người dùng canbo' });
    expect(typeof response.body.csrfToken).toBe('string');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dv_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain HTTP, COOKIE_SECURE=auto
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await h.connection.collection('sessions').find({}).toArray();
    expect(stored.some((s) => String(s._id) === token)).toBe(false);
    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.candidateGroups).toEqual(['ban-tuyen-giao']);
    expect(session.body.csrfToken).toBe(response.body.csrfToken);
  });

  it('answers a wrong password or unknown user with the same 401 problem in Vietnamese', async () => {
    const client = h.client();
    const wrong = await client.signIn('khoa', 'sai-mat-khau');
    const unknown = await client.signIn('khong-ai', 'sai-mat-khau');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'invalid_credentials',
        detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
    }
    expect(wrong.headers.get('set-cookie')).toBeNull();
    // A success resets the count, so the lockout test below starts from zero.
    expect((await client.signIn('khoa')).status).toBe(200);
  });

  it('locks the account after LOGIN_MAX_FAILURES failures, even for the right password, until the clock passes the lockout', async () => {
    const client = h.client();
    expect((await client.signIn('khoa', 'sai-1')).status).toBe(401);
    expect((await client.signIn('khoa', 'sai-2')).status).toBe(401);
    const third = await client.signIn('khoa', 'sai-3');
    expect(third.status).toBe(423);
    expect(third.body.code).toBe('account_locked');
    expect(third.body.detail).toContain('Tài khoản tạm thời bị khóa');
    const correctButLocked = await client.signIn('khoa', PASSWORD);
    expect(correctButLocked.status).toBe(423);
    h.clock.advanceMinutes(14);
    expect((await client.signIn('khoa', PASSWORD)).status).toBe(423);
    h.clock.advanceMinutes(2);
    expect((await client.signIn('khoa', PASSWORD)).status).toBe(200);
  });

  it('refuses a cross-site sign-in (login CSRF) but accepts a same-origin one', async () => {
    const client = h.client();
    const crossSite = await client.post(
      '/api/auth/sign-in',
      { username: 'canbo', password: PASSWORD },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('csrf_rejected');
    const foreignOrigin = await client.post(
      '/api/auth/sign-in',
      { username: 'canbo', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(foreignOrigin.status).toBe(403);
    const sameOrigin = await client.post(
      '/api/auth/sign-in',
      { username: 'canbo', password: PASSWORD },
      { origin: h.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(sameOrigin.status).toBe(200);
  });

  it('rate-limits failed sign-ins per IP address across accounts, and lifts it when the window passes', async () => {
    const client = h.client();
    h.clock.advanceMinutes(60); // fresh window
    let status = 0;
    for (let i = 0; i < 8; i++) status = (await client.signIn(`nguoi-${i}`, 'x')).status;
    expect(status).toBe(401);
    const blocked = await client.signIn('canbo');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    h.clock.advanceMinutes(16);
    expect((await client.signIn('canbo')).status).toBe(200);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const behindProxy = await startTestApp({ TRUST_PROXY: 'loopback' });
    try {
      await behindProxy.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
      const response = await behindProxy
        .client()
        .post(
          '/api/auth/sign-in',
          { username: 'canbo', password: PASSWORD },
          { 'x-forwarded-proto': 'https' },
        );
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await behindProxy.close();
    }
  });

  it('validates the sign-in body (unknown fields named)', async () => {
    const response = await h
      .client()
      .post('/api/auth/sign-in', { username: 'canbo', password: 'x', remember: true });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: '/remember' }));
  });
});
