import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../src/app/auth/auth.service.js';
import { LoginLimits } from '../../../src/app/auth/login-throttle.js';
import { SessionService } from '../../../src/app/auth/session.service.js';
import { OrganisationDirectory } from '../../../src/app/organisation/index.js';
import { AppError } from '../../../src/lib/errors.js';
import { TestClock } from '../../../src/lib/clock.js';
import type { PasswordHasher } from '../../../src/lib/password.js';
import {
  createTestDatabase,
  PASSWORD,
  startTestApp,
  TEST_HASHER,
  type TestApp,
  type TestDatabase,
} from '../../support/harness/index.js';

/** Sign-in from a given client address (the harness trusts the loopback proxy, so X-Forwarded-For names it). */
const signInFrom = async (h: TestApp, ip: string, username: string, password: string) => {
  const started = performance.now();
  const response = await h
    .client()
    .post('/api/auth/sign-in', { username, password }, { 'x-forwarded-for': ip });
  return { ...response, ms: performance.now() - started };
};

const tally = (statuses: number[]): Record<number, number> =>
  statuses.reduce<Record<number, number>>(
    (all, status) => ({ ...all, [status]: (all[status] ?? 0) + 1 }),
    {},
  );

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe('sign-in limits under concurrency', () => {
  let h: TestApp;

  beforeAll(async () => {
    h = await startTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_IP_MAX_ATTEMPTS: '30',
    });
    for (const name of ['canbo', 'lanhdao', 'thu', 'minh'])
      await h.user(name, [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
  });
  afterAll(async () => h?.close());

  it('20 parallel wrong sign-ins lock the account before the right password gets through', async () => {
    const wrong = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInFrom(h, '10.0.0.1', 'canbo', `sai-mat-khau-${i}`)),
    );
    const statuses = wrong.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    // Only LOGIN_MAX_FAILURES attempts were let through to a password check.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    const right = await signInFrom(h, '10.0.0.1', 'canbo', PASSWORD);
    expect([423, 429]).toContain(right.status);
    expect(right.headers.get('set-cookie')).toBeNull();
    // Not from another address either: the lock is the account's.
    expect((await signInFrom(h, '10.0.0.99', 'canbo', PASSWORD)).status).toBe(423);
  });

  it('15 sign-ins in one burst, 14 wrong then the right one, never accept the right one after the limit', async () => {
    // The case: the wrong ones in flight, the right one sent as soon as they hold the account's attempts
    // (still being verified or already failed: either way taken).
    const slots = h.connection.collection<{ _id: string; key: string }>('login_limits');
    const wrong = Array.from({ length: 14 }, (_, i) => signInFrom(h, '10.0.0.2', 'lanhdao', `sai-${i}`));
    while ((await slots.countDocuments({ key: 'acct:lanhdao' })) < 5)
      await new Promise((resolve) => setTimeout(resolve, 2));
    const right = await signInFrom(h, '10.0.0.2', 'lanhdao', PASSWORD);
    const results = await Promise.all(wrong);
    expect(right.status).toBe(423);
    const counts = tally(results.map((r) => r.status));
    // Only LOGIN_MAX_FAILURES passwords were checked.
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[423] ?? 0)).toBe(14);
  });

  it('60 parallel failures from one address: at least 30 are refused with 429 without a password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signInFrom(h, '10.0.0.3', `khong-co-${i}`, 'sai-mat-khau')),
    );
    const counts = tally(results.map((r) => r.status));
    expect(counts[429] ?? 0).toBeGreaterThanOrEqual(30);
    expect(counts[500]).toBeUndefined();
    const refused = results.find((r) => r.status === 429);
    expect(refused?.body.code).toBe('too_many_attempts');
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    // Another client behind the same proxy is not blocked: the limit is per forwarded client address.
    expect((await signInFrom(h, '10.0.0.4', 'thu', PASSWORD)).status).toBe(200);
    // And the blocked address stays blocked, even for a right password.
    expect((await signInFrom(h, '10.0.0.3', 'minh', PASSWORD)).status).toBe(429);
  });

  it('answers a locked account and a locked unknown name alike: same status, same problem, same time', async () => {
    // Lock an existing account and a name nobody has, each with LOGIN_MAX_FAILURES wrong passwords.
    for (let i = 0; i < 5; i++) {
      await signInFrom(h, '10.0.1.1', 'thu', `sai-${i}`);
      await signInFrom(h, '10.0.1.2', 'khong-ton-tai', `sai-${i}`);
    }
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 12; round++) {
      const a = await signInFrom(h, `10.0.2.${round}`, 'thu', 'bat-ky');
      const b = await signInFrom(h, `10.0.3.${round}`, 'khong-ton-tai', 'bat-ky');
      expect(a.status).toBe(423);
      expect(b.status).toBe(423);
      expect(a.body.code).toBe(b.body.code);
      expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
      existing.push(a.ms);
      unknown.push(b.ms);
    }
    const [lockedMs, unknownMs] = [median(existing), median(unknown)];
    console.info(
      `locked account ${lockedMs.toFixed(1)} ms, locked unknown name ${unknownMs.toFixed(1)} ms (medians)`,
    );
    // Neither verifies a hash nor reads the user: the same few database reads, within the noise of a loaded machine
    // (before: 8 ms for a locked account against 540 ms for an unknown name).
    expect(Math.abs(lockedMs - unknownMs)).toBeLessThan(Math.max(50, 0.5 * Math.max(lockedMs, unknownMs)));
  });

  it('answers a wrong password and an unknown name alike before any lock (both verify a hash)', async () => {
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      const a = await signInFrom(h, `10.0.4.${round}`, 'minh', 'sai-mat-khau');
      const b = await signInFrom(h, `10.0.5.${round}`, `ai-do-${round}`, 'sai-mat-khau');
      expect([a.status, b.status]).toEqual([401, 401]);
      existing.push(a.ms);
      unknown.push(b.ms);
    }
    // Both verified a hash (counted exactly below, where timing on a shared machine cannot blur it).
    console.info(
      `wrong password ${median(existing).toFixed(1)} ms, unknown name ${median(unknown).toFixed(1)} ms (medians)`,
    );
    expect((await signInFrom(h, '10.0.4.9', 'minh', PASSWORD)).status).toBe(200);
  });

  it('does not take X-Forwarded-For from a client when no proxy is trusted', async () => {
    const direct = await startTestApp({ LOGIN_IP_MAX_ATTEMPTS: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await direct
          .client()
          .post(
            '/api/auth/sign-in',
            { username: `x${i}`, password: 'sai' },
            { 'x-forwarded-for': `1.2.3.${i}` },
          );
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await direct.close();
    }
  });
});

describe('password verifications are capped', () => {
  let db: TestDatabase;
  let connection: Connection;
  let auth: AuthService;
  let running = 0;
  let peak = 0;
  let verifications = 0;

  beforeAll(async () => {
    db = createTestDatabase('signin_gate');
    connection = await mongoose.createConnection(db.uri).asPromise();
    const clock = new TestClock();
    const counting: PasswordHasher = {
      hash: (password) => TEST_HASHER.hash(password),
      verify: async (hash, password) => {
        running += 1;
        verifications += 1;
        peak = Math.max(peak, running);
        try {
          // As slow as a production hash, so the requests overlap.
          await new Promise((resolve) => setTimeout(resolve, 150));
          return await TEST_HASHER.verify(hash, password);
        } finally {
          running -= 1;
        }
      },
    };
    const directory = new OrganisationDirectory(connection, clock, counting);
    const sessions = new SessionService(connection, clock, { idleMinutes: 60, absoluteHours: 12 });
    const limits = new LoginLimits(connection, clock, {
      accountMaxFailures: 5,
      accountLockoutMinutes: 15,
      ipMaxAttempts: 1000,
      ipWindowMinutes: 15,
    });
    auth = new AuthService(directory, sessions, limits, counting, {
      maxConcurrentVerifications: 2,
      maxQueuedVerifications: 6,
    });
    await directory.users.create({
      username: 'co-that',
      fullName: 'Người Có Thật',
      password: PASSWORD,
      mustChangePassword: false,
    });
  });

  const statusOf = (attempt: Promise<unknown>): Promise<number> =>
    attempt.then(
      () => 200,
      (error: unknown) => (error instanceof AppError ? error.status : 500),
    );

  it('does the same work for a wrong password and an unknown name (one verification), and for a locked account and a locked unknown name (none)', async () => {
    const verifiedBy = async (attempt: () => Promise<unknown>): Promise<[number, number]> => {
      const before = verifications;
      const status = await statusOf(attempt());
      return [status, verifications - before];
    };
    for (let i = 0; i < 4; i++) {
      expect(await verifiedBy(() => auth.signIn('co-that', `sai-${i}`, '198.51.100.1'))).toEqual([401, 1]);
      expect(await verifiedBy(() => auth.signIn('khong-co-that', `sai-${i}`, '198.51.100.1'))).toEqual([
        401, 1,
      ]);
    }
    // The fifth failure locks each name, whether an account has it or not.
    expect(await verifiedBy(() => auth.signIn('co-that', 'sai-5', '198.51.100.1'))).toEqual([423, 1]);
    expect(await verifiedBy(() => auth.signIn('khong-co-that', 'sai-5', '198.51.100.1'))).toEqual([423, 1]);
    expect(await verifiedBy(() => auth.signIn('co-that', PASSWORD, '198.51.100.1'))).toEqual([423, 0]);
    expect(await verifiedBy(() => auth.signIn('khong-co-that', PASSWORD, '198.51.100.1'))).toEqual([423, 0]);
  });
  afterAll(async () => {
    await connection?.close();
    await db?.drop();
  });

  it('runs at most 2 verifications at once and refuses (503) what does not fit in the queue, giving its attempts back', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        auth.signIn(`ten-${i}`, 'sai-mat-khau', `192.0.2.${i}`).then(
          () => 200,
          (error: unknown) => (error instanceof AppError ? error.status : 500),
        ),
      ),
    );
    expect(peak).toBeLessThanOrEqual(2);
    expect(peak).toBeGreaterThan(0);
    const counts = tally(outcomes);
    expect((counts[401] ?? 0) + (counts[503] ?? 0)).toBe(16);
    expect(counts[401]).toBeGreaterThanOrEqual(8); // 2 running + 6 queued, at least
    expect(counts[503]).toBeGreaterThanOrEqual(1);
    // A refused attempt was never verified, so it did not count against the name nor the address.
    const slots = await connection.collection<{ _id: string; key: string }>('login_limits').find().toArray();
    for (const [i, status] of outcomes.entries()) {
      const account = slots.filter((slot) => slot.key === `acct:ten-${i}`).length;
      const address = slots.filter((slot) => slot.key.startsWith(`ip:192.0.2.${i}#`)).length;
      expect([account, address]).toEqual(status === 503 ? [0, 0] : [1, 1]);
    }
  });
});
