import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type HttpClient, startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  h = await startTestApp({ SESSION_TTL_MINUTES: '600' });
  await h.user('quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
  for (let i = 1; i <= 12; i++)
    await h.module.directory.units.create({
      code: `co-so-${i}`,
      name: i === 7 ? 'Đảng bộ Sở Tài chính' : `Chi bộ Công ty số ${i}`,
      kind: 'co-so',
      sector: 'doanh-nghiep',
    });
  await h.user('nguyen.thi.hanh', [{ unitCode: 'co-so-7', roles: ['head'] }]);
  await h.module.directory.users.update('nguyen.thi.hanh', { fullName: 'Nguyễn Thị Hạnh' });
  for (let i = 1; i <= 9; i++) await h.user(`canbo${i}`, [{ unitCode: `co-so-${i}`, roles: ['staff'] }]);
  admin = h.client();
  await admin.signIn('quantri');
});
afterAll(async () => h?.close());

describe('units and users, searched and paged', () => {
  it('finds units by code or name without accents, pages them and counts them', async () => {
    const search = await admin.get('/api/admin/units?q=tai%20chinh');
    expect(search.body).toMatchObject({
      total: 1,
      items: [{ code: 'co-so-7', name: 'Đảng bộ Sở Tài chính' }],
    });
    const first = await admin.get('/api/admin/units?kind=co-so&pageSize=5');
    expect(first.body).toMatchObject({ total: 12, page: 1, pageSize: 5 });
    const third = await admin.get('/api/admin/units?kind=co-so&pageSize=5&page=3');
    expect((third.body.items as unknown[]).length).toBe(2);
    const bad = await admin.get('/api/admin/units?kind=ban-x&page=0&status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['kind', 'page', 'status']);
  });

  it('shows deactivated units apart, and keeps ?all=true', async () => {
    await admin.post('/api/admin/units/co-so-12/deactivate');
    expect((await admin.get('/api/admin/units?kind=co-so')).body.total).toBe(11);
    expect((await admin.get('/api/admin/units?status=inactive')).body.items).toEqual([
      expect.objectContaining({ code: 'co-so-12', active: false }),
    ]);
    expect((await admin.get('/api/admin/units?all=true&kind=co-so')).body.total).toBe(12);
  });

  it('finds users by name without accents, by unit and role, pages them', async () => {
    const byName = await admin.get('/api/admin/users?q=nguyen%20thi%20hanh');
    expect(byName.body).toMatchObject({
      total: 1,
      items: [{ username: 'nguyen.thi.hanh', hasPassword: true }],
    });
    expect(JSON.stringify(byName.body)).not.toContain('passwordHash');
    const heads = await admin.get('/api/admin/users?role=head');
    expect((heads.body.items as { username: string }[]).map((u) => u.username)).toEqual(['nguyen.thi.hanh']);
    const unit = await admin.get('/api/admin/users?unit=co-so-3');
    expect((unit.body.items as { username: string }[]).map((u) => u.username)).toEqual(['canbo3']);
    const paged = await admin.get('/api/admin/users?q=canbo&pageSize=4&page=3');
    expect(paged.body).toMatchObject({ total: 9, page: 3 });
    expect((paged.body.items as { username: string }[]).map((u) => u.username)).toEqual(['canbo9']);
    expect((await admin.get('/api/admin/users?role=owner')).status).toBe(400);
  });

  it('deactivates rather than deletes, and changes roles; each in the audit trail', async () => {
    const off = await admin.post('/api/admin/users/canbo5/deactivate');
    expect(off.body).toMatchObject({ active: false });
    expect((await admin.get('/api/admin/users?q=canbo')).body.total).toBe(8);
    expect((await admin.get('/api/admin/users?q=canbo&status=inactive')).body.items).toEqual([
      expect.objectContaining({ username: 'canbo5', active: false }),
    ]);
    expect(await h.connection.collection('users').countDocuments({ username: 'canbo5' })).toBe(1);
    const signIn = await h.client().signIn('canbo5');
    expect(signIn.status).toBe(401);

    const promoted = await admin.post('/api/admin/users/canbo4/roles', { unitCode: 'co-so-4', role: 'head' });
    expect(promoted.body.memberships).toEqual([{ unitCode: 'co-so-4', roles: ['head', 'staff'] }]);
    const demoted = await admin.post('/api/admin/users/canbo4/roles/remove', {
      unitCode: 'co-so-4',
      role: 'staff',
    });
    expect(demoted.body.memberships).toEqual([{ unitCode: 'co-so-4', roles: ['head'] }]);
    // The trail is written once the answer has gone out: read until it is there.
    await eventually(async () => {
      const audit = await admin.get('/api/admin/audit?target=canbo4');
      expect((audit.body.items as { action: string }[]).map((item) => item.action)).toEqual([
        'user.role-remove',
        'user.role-add',
      ]);
    });
  });
});
