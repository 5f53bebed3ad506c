import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCreateAdminCommand } from '../../src/app/seed/create-admin.command.js';
import { startTestService, TEST_HASHER, useBeforeAll } from '../support/harness/index.js';
import { csvOf, organisationRows, xlsxOf } from '../app/organisation/support/org-sheet.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { builtWebRoutes } from './support/built-web-routes.js';

/** The service as a fresh production install starts it: demo accounts off, an empty database. */
const service = useBeforeAll(async () =>
  startTestService({ env: { SEED_DEMO: 'false' }, extraRoutes: builtWebRoutes(await buildWeb()) }),
);
const browser = useBeforeAll(launchBrowser);
const files = useBeforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'first-start-e2e-'));
  return { dir, close: () => rm(dir, { recursive: true, force: true }) };
});

const counts = async () => {
  const db = service.service.connection;
  return {
    units: await db.collection('units').countDocuments(),
    users: await db.collection('users').countDocuments(),
  };
};

describe('first start in production, in the browser', () => {
  it('creates the administrator by command, who signs in, changes the password and imports the organisation', async () => {
    expect(await counts()).toEqual({ units: 0, users: 0 });
    const passwordFile = path.join(files.dir, 'admin-password');
    await writeFile(passwordFile, 'Song-Lo-Mua-Xuan-2026\n', { mode: 0o600 });
    const out: string[] = [];
    const code = await runCreateAdminCommand(
      ['--username', 'quantri', '--full-name', 'Hoàng Thị Quản', '--password-file', passwordFile],
      { MONGODB_URI: service.database.uri, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
      { out: (line) => out.push(line), err: (line) => out.push(line), hasher: TEST_HASHER },
    );
    expect(code, out.join('\n')).toBe(0);

    const { page, errors } = await openPage(browser, service.url);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('Song-Lo-Mua-Xuan-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The password set on the command line is changed at once.
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.getByLabel('Mật khẩu hiện tại').fill('Song-Lo-Mua-Xuan-2026');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Van-Phong-Khoi-Moi-2027');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Van-Phong-Khoi-Moi-2027');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByText('Đã đổi mật khẩu.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Quản trị', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Điều hướng quản trị' })
      .getByRole('link', { name: 'Đơn vị' })
      .click();
    await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
    const before = await counts();
    expect(before).toEqual({ units: 1, users: 1 });

    // A bad sheet: errors per row, nothing written.
    const bad = organisationRows(30);
    bad[9] = ['don-vi-05', 'Đảng bộ Đơn vị số 5', 'Hội đồng', 'Cơ quan', '', '', '', '', ''];
    bad[20] = ['don-vi-11', '', '', '', 'dv11.canbo', 'Trần Thị Cán 11', 'Thư ký', '', ''];
    await page.getByLabel('Tệp bảng tính').setInputFiles({
      name: 'to-chuc-sai.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxOf(bad),
    });
    await page.getByRole('button', { name: 'Nhập vào hệ thống' }).click();
    await page.getByText('Tệp chưa nhập được. Sửa các dòng sau rồi thử lại:').waitFor();
    const listed = await page.locator('.admin-import__errors li').allTextContents();
    expect(listed).toEqual([
      'Dòng 11, cột "Loại đơn vị": "Hội đồng" không hợp lệ: dùng Ban, Đoàn thể hoặc Tổ chức cơ sở đảng.',
      'Dòng 22, cột "Vai trò": "Thư ký" không hợp lệ: dùng Lãnh đạo hoặc Cán bộ.',
    ]);
    await screenshot(page, 'admin-20-import-errors');
    expect(await counts()).toEqual(before);

    // The real organisation: checked first, then imported.
    await page.getByLabel('Tệp bảng tính').setInputFiles({
      name: 'to-chuc.csv',
      mimeType: 'text/csv',
      buffer: csvOf(organisationRows(30)),
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp hợp lệ (60 dòng).', { exact: false }).waitFor();
    expect(await counts()).toEqual(before);
    await page.getByRole('button', { name: 'Nhập vào hệ thống' }).click();
    await page.getByText('Đã nhập 60 dòng: tạo 30 đơn vị', { exact: false }).waitFor();
    expect(await counts()).toEqual({ units: 31, users: 61 });
    await page.getByText('31 kết quả').waitFor();
    await screenshot(page, 'admin-21-import-done');
    // The refused sheet's 422 is expected; nothing else may fail.
    expect(unexpectedErrors(errors).filter((error) => !error.includes('status of 422'))).toEqual([]);
  });

  it('lets an imported head in once the administrator has set a temporary password', async () => {
    const { page } = await openPage(browser, service.url, { width: 360, height: 780 });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('Van-Phong-Khoi-Moi-2027');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 }).waitFor();
    await page.goto('/admin/users');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dv12.lanhdao');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    expect(await page.locator('table.admin-table tbody').textContent()).toContain('Chưa có mật khẩu');
    await page.getByRole('button', { name: 'Quản lý Nguyễn Văn Lãnh 12' }).click();
    // Once in ~10 CI runs the user's row re-rendered between typing and clicking and the typed password was gone
    // (the button disabled again; not reproduced locally): type again until the server confirms.
    await expect
      .poll(
        async () => {
          const field = page.getByLabel('Mật khẩu tạm');
          if ((await field.inputValue()) !== 'Hoa-Ban-Tan-Trao-8899')
            await field.fill('Hoa-Ban-Tan-Trao-8899');
          await page
            .getByRole('button', { name: 'Đặt mật khẩu tạm' })
            .click({ timeout: 2_000 })
            .catch(() => undefined);
          return page.getByText('Đã đặt mật khẩu tạm.', { exact: false }).count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'admin-22-activate-360');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await page.getByLabel('Tên đăng nhập').fill('dv12.lanhdao');
    await page.getByLabel('Mật khẩu').fill('Hoa-Ban-Tan-Trao-8899');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    // Heads see no admin menu.
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
  });
});
