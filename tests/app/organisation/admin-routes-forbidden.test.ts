import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../../src/app/http/route-audit.js';
import { startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp();
  await h.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff', 'head'] }]);
});
afterAll(async () => h?.close());

describe('the administrators API, for anyone else', () => {
  it('answers 403 to staff and heads on every /api/admin route, and changes nothing', async () => {
    const staff = h.client();
    await staff.signIn('canbo');
    const before = {
      units: await h.connection.collection('units').countDocuments(),
      users: await h.connection
        .collection('users')
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    };
    const admin = listRoutes(h.module.app).filter((route) => route.path.startsWith('/api/admin'));
    // Units, users, roles, passwords, the audit trail, the import: every one of them is checked.
    expect(admin.length).toBeGreaterThanOrEqual(18);
    const answers: string[] = [];
    for (const route of admin) {
      const path = route.path.replace(/:(\w+)/g, (_match, name: string) =>
        name === 'username' ? 'canbo' : 'ban-tuyen-giao',
      );
      const body =
        route.method === 'get'
          ? undefined
          : { code: 'ban-x', name: 'Ban X', kind: 'ban', unitCode: 'ban-tuyen-giao', role: 'admin' };
      const response = await staff.request(route.method.toUpperCase(), path, body);
      answers.push(`${route.method.toUpperCase()} ${route.path} ${response.status}`);
    }
    expect(answers.filter((answer) => !answer.endsWith(' 403'))).toEqual([]);
    expect(await h.connection.collection('units').countDocuments()).toBe(before.units);
    expect(
      await h.connection
        .collection('users')
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    ).toEqual(before.users);
  });
});
