import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../support/harness/index.js';

let h: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  h = await startTestApp({ SESSION_TTL_MINUTES: '600' });
  await h.user('quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
  admin = h.client();
  await admin.signIn('quantri');
});
afterAll(async () => h?.close());

describe('unit administration', () => {
  it('creates, renames, deactivates and reactivates a unit without ever deleting it', async () => {
    const created = await admin.post('/api/admin/units', {
      code: 'so-tai-chinh',
      name: 'Đảng bộ Sở Tài chính',
      kind: 'co-so',
      sector: 'co-quan',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'so-tai-chinh',
      active: true,
      group: 'co-so:so-tai-chinh',
      headGroup: 'co-so:so-tai-chinh:lanh-dao',
    });
    const duplicate = await admin.post('/api/admin/units', {
      code: 'so-tai-chinh',
      name: 'Trùng',
      kind: 'co-so',
      sector: 'co-quan',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('unit_exists');

    const renamed = await admin.patch('/api/admin/units/so-tai-chinh', {
      name: 'Đảng bộ Sở Tài chính tỉnh Tuyên Quang',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Đảng bộ Sở Tài chính tỉnh Tuyên Quang');

    h.clock.advanceMinutes(60);
    const deactivated = await admin.post('/api/admin/units/so-tai-chinh/deactivate');
    expect(deactivated.body.active).toBe(false);
    expect((await admin.get('/api/admin/units')).body.items).not.toContainEqual(
      expect.objectContaining({ code: 'so-tai-chinh' }),
    );
    expect((await admin.get('/api/admin/units?all=true')).body.items).toContainEqual(
      expect.objectContaining({ code: 'so-tai-chinh', active: false }),
    );
    expect(await h.connection.collection('units').countDocuments({ code: 'so-tai-chinh' })).toBe(1);

    const reactivated = await admin.post('/api/admin/units/so-tai-chinh/reactivate');
    expect(reactivated.body.active).toBe(true);
    expect((await admin.request('DELETE', '/api/admin/units/so-tai-chinh')).status).toBe(404);
    expect(await h.connection.collection('units').countDocuments({ code: 'so-tai-chinh' })).toBe(1);
  });

  it('requires a sector for base organisations only, and answers unknown units with 404', async () => {
    const noSector = await admin.post('/api/admin/units', {
      code: 'so-y-te',
      name: 'Đảng bộ Sở Y tế',
      kind: 'co-so',
    });
    expect(noSector.status).toBe(400);
    expect(noSector.body.errors).toContainEqual(expect.objectContaining({ field: '/sector' }));
    const badCode = await admin.post('/api/admin/units', {
      code: 'Sở Y tế',
      name: 'Đảng bộ Sở Y tế',
      kind: 'ban',
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors).toContainEqual(expect.objectContaining({ field: '/code' }));
    const missing = await admin.post('/api/admin/units/khong-co/deactivate');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Không tìm thấy đơn vị "khong-co".');
  });

  it('lists the reporting units active at a date as process variables', async () => {
    const directory = h.module.directory;
    await directory.units.create({ code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Khối', kind: 'doan-the' });
    const before = h.clock.now();
    h.clock.advanceMinutes(10);
    await directory.units.create({
      code: 'cong-ty-dien-luc',
      name: 'Đảng bộ Công ty Điện lực Tuyên Quang',
      kind: 'co-so',
      sector: 'doanh-nghiep',
    });
    h.clock.advanceMinutes(10);
    const now = h.clock.now();
    const units = await directory.reportingUnitsAt(now);
    expect(units).toContainEqual({
      code: 'doan-thanh-nien',
      kind: 'doan-the',
      name: 'Đoàn Thanh niên Khối',
      group: 'doan-the:doan-thanh-nien',
      headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
    });
    expect(units.map((u) => u.code)).toContain('cong-ty-dien-luc');
    expect(units.map((u) => u.code)).not.toContain('van-phong'); // a Bloc body does not report
    expect((await directory.reportingUnitsAt(before)).map((u) => u.code)).not.toContain('cong-ty-dien-luc');
    h.clock.advanceMinutes(1);
    await directory.units.setActive('cong-ty-dien-luc', false);
    expect((await directory.reportingUnitsAt(h.clock.now())).map((u) => u.code)).not.toContain(
      'cong-ty-dien-luc',
    );
    expect((await directory.reportingUnitsAt(now)).map((u) => u.code)).toContain('cong-ty-dien-luc');
  });
});

describe('user administration', () => {
  it('creates a user who must change the password, without exposing the hash', async () => {
    const created = await admin.post('/api/admin/users', {
      username: 'nguyenvana',
      fullName: 'Nguyễn Văn A',
      email: 'nguyenvana@tuyenquang.gov.vn',
      password: 'Tam-thoi-123',
      memberships: [{ unitCode: 'van-phong', roles: ['staff'] }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'nguyenvana', mustChangePassword: true, active: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    const stored = await h.connection.collection('users').findOne({ username: 'nguyenvana' });
    expect(String(stored?.passwordHash)).toMatch(/^\$argon2id\$/);
    const session = h.client();
    const signIn = await session.signIn('nguyenvana', 'Tam-thoi-123');
    expect(signIn.body.user).toMatchObject({ mustChangePassword: true });
    expect(
      (
        await admin.post('/api/admin/users', {
          username: 'nguyenvana',
          fullName: 'Trùng',
          password: 'Mot-mat-khau-kha-dai',
        })
      ).status,
    ).toBe(409);
  });

  it('updates details, assigns and removes roles, and the candidate groups follow', async () => {
    await h.module.directory.units.create({
      code: 'ban-tuyen-giao',
      name: 'Ban Tuyên giáo Đảng ủy Khối',
      kind: 'ban',
    });
    const updated = await admin.patch('/api/admin/users/nguyenvana', { phone: '0912 345 678' });
    expect(updated.body.phone).toBe('0912 345 678');
    const assigned = await admin.post('/api/admin/users/nguyenvana/roles', {
      unitCode: 'ban-tuyen-giao',
      role: 'head',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.memberships).toContainEqual({ unitCode: 'ban-tuyen-giao', roles: ['head'] });
    expect(await h.module.directory.candidateGroupsOfUser('nguyenvana')).toEqual([
      'ban-tuyen-giao',
      'ban-tuyen-giao:lanh-dao',
      'van-phong',
    ]);
    const removed = await admin.post('/api/admin/users/nguyenvana/roles/remove', {
      unitCode: 'van-phong',
      role: 'staff',
    });
    expect(removed.body.memberships).toEqual([{ unitCode: 'ban-tuyen-giao', roles: ['head'] }]);
    const unknownUnit = await admin.post('/api/admin/users/nguyenvana/roles', {
      unitCode: 'khong-co',
      role: 'staff',
    });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.code).toBe('unit_unknown');
    const badRole = await admin.post('/api/admin/users/nguyenvana/roles', {
      unitCode: 'van-phong',
      role: 'owner',
    });
    expect(badRole.status).toBe(400);
  });

  it('resets a forgotten password: unlocks, ends sessions, must be changed at next sign-in', async () => {
    const user = h.client();
    await user.signIn('nguyenvana', 'Tam-thoi-123');
    await h.connection
      .collection('users')
      .updateOne({ username: 'nguyenvana' }, { $set: { mustChangePassword: false } });
    // Locked by wrong passwords (LOGIN_MAX_FAILURES, 5 by default).
    for (let i = 0; i < 5; i++) await h.client().signIn('nguyenvana', `sai-mat-khau-${i}`);
    expect((await h.client().signIn('nguyenvana', 'Tam-thoi-123')).status).toBe(423);
    const reset = await admin.post('/api/admin/users/nguyenvana/password', {
      temporaryPassword: 'Mat-khau-tam-2',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true });
    expect((await user.get('/api/auth/session')).status).toBe(401);
    const again = await h.client().signIn('nguyenvana', 'Mat-khau-tam-2');
    expect(again.status).toBe(200);
    expect(again.body.user).toMatchObject({ mustChangePassword: true });
    expect(
      (await admin.post('/api/admin/users/quantri/password', { temporaryPassword: 'Tu-dat-lai-1' })).status,
    ).toBe(400);
  });

  it('refuses weak passwords with a reason on the field, and can require a change at next sign-in', async () => {
    const weak = async (password: string) =>
      admin.post('/api/admin/users', { username: 'hoangphuong', fullName: 'Hoàng Thị Phượng', password });
    for (const [password, reason] of [
      ['12345678', '12 ký tự'],
      ['hoangphuong-26', 'tên đăng nhập'],
      ['Phuong@Ha-Giang', 'họ tên'],
      ['password1234', 'dễ đoán'],
      ['qwertyuiop12', 'dễ đoán'],
    ]) {
      const refused = await weak(password!);
      expect(refused.status, password).toBe(400);
      expect(refused.body.code).toBe('weak_password');
      expect(refused.body.errors?.[0]).toMatchObject({ field: '/password' });
      expect(refused.body.detail).toContain(reason);
    }
    expect(await h.connection.collection('users').countDocuments({ username: 'hoangphuong' })).toBe(0);
    expect(
      (await admin.post('/api/admin/users/nguyenvana/password', { temporaryPassword: 'nguyenvana12' })).body
        .code,
    ).toBe('weak_password');

    const user = h.client();
    await user.signIn('nguyenvana', 'Mat-khau-tam-2');
    await user.post('/api/auth/change-password', {
      currentPassword: 'Mat-khau-tam-2',
      newPassword: 'Hoa-ban-no-tren-nui',
    });
    expect((await user.get('/api/admin/users')).body.code).toBe('forbidden');
    const forced = await admin.post('/api/admin/users/nguyenvana/require-password-change');
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ mustChangePassword: true });
    const blocked = await user.get('/api/auth/session');
    expect(blocked.body.user).toMatchObject({ mustChangePassword: true });
    // Nothing else until the password is changed.
    expect((await user.get('/api/admin/users')).body.code).toBe('password_change_required');
    const weakChange = await user.post('/api/auth/change-password', {
      currentPassword: 'Hoa-ban-no-tren-nui',
      newPassword: 'nguyenvana-1',
    });
    expect(weakChange.status).toBe(400);
    expect(weakChange.body.errors?.[0]?.field).toBe('/newPassword');
    expect(
      (
        await user.post('/api/auth/change-password', {
          currentPassword: 'Hoa-ban-no-tren-nui',
          newPassword: 'Suoi-da-chay-qua-lang',
        })
      ).status,
    ).toBe(204);
    expect((await user.get('/api/auth/session')).body.user).toMatchObject({ mustChangePassword: false });
  });

  it('does not let an administrator lock themselves out', async () => {
    const self = await admin.post('/api/admin/users/quantri/deactivate');
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('self_lockout');
    const role = await admin.post('/api/admin/users/quantri/roles/remove', {
      unitCode: 'van-phong',
      role: 'admin',
    });
    expect(role.status).toBe(400);
    expect((await h.module.directory.users.get('quantri')).active).toBe(true);
  });

  it('deactivates and reactivates a user; the record stays', async () => {
    const deactivated = await admin.post('/api/admin/users/nguyenvana/deactivate');
    expect(deactivated.body.active).toBe(false);
    expect(await h.module.directory.candidateGroupsOfUser('nguyenvana')).toEqual([]);
    expect(await h.connection.collection('users').countDocuments({ username: 'nguyenvana' })).toBe(1);
    expect((await admin.request('DELETE', '/api/admin/users/nguyenvana')).status).toBe(404);
    const reactivated = await admin.post('/api/admin/users/nguyenvana/reactivate');
    expect(reactivated.body.active).toBe(true);
  });
});

describe("the administrators' audit trail", () => {
  it('records each successful change with who, what and to whom, never a password; refusals are not recorded', async () => {
    const entries = async () => {
      const answer = await admin.get('/api/admin/audit');
      expect(answer.status).toBe(200);
      return answer.body.items as {
        actor: string;
        action: string;
        target: string;
        detail: Record<string, string>;
      }[];
    };
    // Written once the change has answered: wait for it rather than race it.
    // `detail` tells this change from an earlier one of the same kind (an earlier test also gave this user a role).
    const waitFor = async (action: string, target: string, detail?: Record<string, string>) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const found = (await entries()).find(
          (entry) =>
            entry.action === action &&
            entry.target === target &&
            (!detail || JSON.stringify(entry.detail) === JSON.stringify(detail)),
        );
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no audit entry ${action} ${target}`);
    };
    expect(
      (await admin.post('/api/admin/users/nguyenvana/password', { temporaryPassword: 'Mat-khau-tam-3' }))
        .status,
    ).toBe(200);
    const reset = await waitFor('user.password-reset', 'nguyenvana');
    expect(reset.actor).toBe('quantri');
    expect(JSON.stringify(await entries())).not.toContain('Mat-khau-tam-3');

    expect(
      (await admin.post('/api/admin/users/nguyenvana/roles', { unitCode: 'van-phong', role: 'staff' }))
        .status,
    ).toBe(200);
    const roleAdded = await waitFor('user.role-add', 'nguyenvana', { unitCode: 'van-phong', role: 'staff' });
    expect(roleAdded.actor).toBe('quantri');

    const before = (await entries()).length;
    expect((await admin.post('/api/admin/users/quantri/deactivate')).status).toBe(400);
    expect((await admin.post('/api/admin/units/khong-co/deactivate')).status).toBe(404);
    expect((await entries()).length).toBe(before);

    const staff = h.client();
    await h.user('nhanvien2', [{ unitCode: 'van-phong', roles: ['staff'] }]);
    await staff.signIn('nhanvien2');
    expect((await staff.get('/api/admin/audit')).status).toBe(403);
  });
});

describe('organisation for every signed-in user', () => {
  it('lists active units with their groups to any signed-in user, and to nobody else', async () => {
    await h.user('nhanvien', [{ unitCode: 'van-phong', roles: ['staff'] }]);
    const staff = h.client();
    await staff.signIn('nhanvien');
    const response = await staff.get('/api/organisation/units');
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({
      code: 'so-tai-chinh',
      kind: 'co-so',
      name: 'Đảng bộ Sở Tài chính tỉnh Tuyên Quang',
      group: 'co-so:so-tai-chinh',
      headGroup: 'co-so:so-tai-chinh:lanh-dao',
      sector: 'co-quan',
    });
    expect((await h.client().get('/api/organisation/units')).status).toBe(401);
  });
});
