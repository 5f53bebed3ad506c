import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreateAdminCommand } from '../../../src/app/seed/create-admin.command.js';
import { startTestApp, TEST_HASHER, type TestApp } from '../../support/harness/index.js';
import { csvOf, importBody, organisationRows, xlsxOf } from '../organisation/support/org-sheet.js';

/** A fresh production-like install: no demo accounts, nothing in the database. */
let h: TestApp;
let dir: string;

beforeAll(async () => {
  h = await startTestApp({ SEED_DEMO: 'false' });
  dir = await mkdtemp(path.join(tmpdir(), 'first-start-'));
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = async (args: string[], extra: { readPassword?: (prompt: string) => Promise<string> } = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCreateAdminCommand(
    args,
    { MONGODB_URI: h.db.uri, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    { out: (line) => out.push(line), err: (line) => err.push(line), hasher: TEST_HASHER, ...extra },
  );
  return { code, out, err };
};

const counts = async () => ({
  units: await h.connection.collection('units').countDocuments(),
  users: await h.connection.collection('users').countDocuments(),
});

describe('first start in production', () => {
  it('starts with nobody: no unit, no user, no way in', async () => {
    expect(await counts()).toEqual({ units: 0, users: 0 });
    expect((await h.client().signIn('admin', 'whatever-it-is')).status).toBe(401);
  });

  it('refuses a weak or missing password, a bad username, and no terminal, writing nothing', async () => {
    const weak = path.join(dir, 'weak.txt');
    await writeFile(weak, 'password123\n');
    const refused = await run(['--username', 'quantri', '--password-file', weak]);
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toContain('12 ký tự');
    expect((await run(['--username', 'Quản Trị'])).code).toBe(2);
    const noTerminal = await run(['--username', 'quantri']);
    expect(noTerminal).toMatchObject({
      code: 2,
      err: ['Không có terminal để hỏi mật khẩu: dùng --password-file TỆP.'],
    });
    const mismatch = await run(['--username', 'quantri'], {
      readPassword: async (prompt) =>
        prompt.startsWith('Nhập lại') ? 'Khac-hoan-toan-2026' : 'Song-Lo-Mua-Xuan-2026',
    });
    expect(mismatch.err).toContain('Hai lần nhập mật khẩu không khớp.');
    expect((await run(['--username', 'quantri', '--bogus'])).code).toBe(2);
    expect(await counts()).toEqual({ units: 0, users: 0 });
  });

  it('creates the first administrator, who must change the password at first sign-in', async () => {
    const file = path.join(dir, 'pw.txt');
    await writeFile(file, 'Song-Lo-Mua-Xuan-2026\n', { mode: 0o600 });
    const created = await run([
      '--username',
      'quantri',
      '--full-name',
      'Hoàng Thị Quản',
      '--password-file',
      file,
    ]);
    expect(created).toMatchObject({ code: 0, err: [] });
    expect(created.out[0]).toContain('Đã tạo quản trị viên "quantri"');
    expect(await counts()).toEqual({ units: 1, users: 1 });
    // Run again: the account exists, nothing changes.
    expect((await run(['--username', 'quantri', '--password-file', file])).code).toBe(4);

    const admin = h.client();
    expect((await admin.signIn('quantri', 'Song-Lo-Mua-Xuan-2026')).status).toBe(200);
    const blocked = await admin.get('/api/admin/units');
    expect(blocked.body.code).toBe('password_change_required');
    const changed = await admin.post('/api/auth/change-password', {
      currentPassword: 'Song-Lo-Mua-Xuan-2026',
      newPassword: 'Van-Phong-Khoi-Moi-2027',
    });
    expect(changed.status).toBeLessThan(300);
  });

  it('imports the organisation (a bad sheet changes nothing, then 30 units), and an imported head signs in after activation', async () => {
    const admin = h.client();
    expect((await admin.signIn('quantri', 'Van-Phong-Khoi-Moi-2027')).status).toBe(200);
    const before = await counts();
    const bad = organisationRows(30);
    bad[41] = [
      'don-vi-21',
      'Đảng bộ Đơn vị số 21',
      'Tổ chức cơ sở đảng',
      '',
      'dv21.lanhdao',
      'Nguyễn Văn Lãnh 21',
      'Lãnh đạo',
      '',
      '',
    ];
    const refused = await admin.post(
      '/api/admin/organisation/import',
      importBody('sai.xlsx', await xlsxOf(bad), true),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => e.message)).toEqual([
      'Dòng 43, cột "Khối": bắt buộc với tổ chức cơ sở đảng.',
    ]);
    expect(await counts()).toEqual(before);

    const imported = await admin.post(
      '/api/admin/organisation/import',
      importBody('to-chuc.csv', csvOf(organisationRows(30)), true),
    );
    expect(imported.status).toBe(200);
    expect(await counts()).toEqual({ units: before.units + 30, users: before.users + 60 });

    // Activation: the administrator sets a temporary password; the head changes it at first sign-in.
    const set = await admin.post('/api/admin/users/dv12.lanhdao/password', {
      temporaryPassword: 'Hoa-Ban-Tan-Trao-8899',
    });
    expect(set.body).toMatchObject({ hasPassword: true, mustChangePassword: true });
    const head = h.client();
    expect((await head.signIn('dv12.lanhdao', 'Hoa-Ban-Tan-Trao-8899')).status).toBe(200);
    const session = await head.get('/api/auth/session');
    expect(session.body).toMatchObject({
      user: { mustChangePassword: true, memberships: [{ unitCode: 'don-vi-12', roles: ['head'] }] },
    });
    expect(session.body.candidateGroups).toEqual(['co-so:don-vi-12', 'co-so:don-vi-12:lanh-dao']);
  });
});
