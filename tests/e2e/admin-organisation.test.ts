import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBeforeAll } from '../support/harness/index.js';
import { suiteDay } from '../support/suite-clock.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD } from './support/people.js';

const server = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 }).waitFor();
}

const rowsText = (page: Page) => page.locator('table.admin-table tbody').textContent();

describe('units, users and the audit log in the browser', () => {
  it('searches and pages units, and deactivates one', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await signInAsAdmin(page);
    const section = page.getByRole('navigation', { name: 'Điều hướng quản trị' });
    await section.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
    // Twenty to a page: the demo organisation has more.
    await page.getByText('Trang 1/2').waitFor();
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page.getByText('Trang 2/2').waitFor();
    await screenshot(page, 'admin-10-units');

    // The import template downloads from the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('tu phap');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    expect(await rowsText(page)).toContain('Chi bộ Sở Tư pháp');
    await page.getByRole('button', { name: 'Ngừng hoạt động: Chi bộ Sở Tư pháp' }).click();
    await page.getByText('Đã ngừng hoạt động: Chi bộ Sở Tư pháp.').waitFor();
    await page.getByText('0 kết quả').waitFor();
    await page.getByLabel('Trạng thái').selectOption('inactive');
    await page.getByText('1 kết quả').waitFor();
    expect(await rowsText(page)).toContain('Đã ngừng hoạt động');
    const unit = await server.app.directory.units.get('so-tu-phap');
    expect(unit.active).toBe(false);

    // A new unit: a bad code is refused by the server with its reason; a good one is created.
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const form = page.getByRole('form', { name: 'Thêm đơn vị' });
    await form.getByLabel('Mã đơn vị').fill('Sở Mới');
    await form.getByLabel('Tên đơn vị').fill('Chi bộ Sở Mới');
    await form.getByLabel('Khối').selectOption('doanh-nghiep');
    await form.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await form.getByRole('alert').waitFor();
    expect(await server.app.directory.units.find('so-moi')).toBeUndefined();
    await form.getByLabel('Mã đơn vị').fill('so-moi');
    await form.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await page.getByText('Đã tạo đơn vị Chi bộ Sở Mới.').waitFor();
    expect(await server.app.directory.units.get('so-moi')).toMatchObject({
      kind: 'co-so',
      sector: 'doanh-nghiep',
    });
    // The refused code's 400 is expected; nothing else may fail.
    expect(unexpectedErrors(errors).filter((error) => !error.includes('status of 400'))).toEqual([]);
  });

  it('searches users without accents, changes a role, deactivates one, and finds it all in the audit log', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await signInAsAdmin(page);
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nguyen thi hanh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    expect(await rowsText(page)).toContain('btv.canbo');

    await page.getByRole('button', { name: 'Quản lý Nguyễn Thị Hạnh' }).click();
    const manager = page.getByRole('group', { name: 'Quản lý Nguyễn Thị Hạnh' });
    await manager.getByLabel('Đơn vị', { exact: true }).selectOption('btv');
    await manager.getByLabel('Vai trò', { exact: true }).selectOption('head');
    await manager.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect
      .poll(async () => (await server.app.directory.users.get('btv.canbo')).memberships)
      .toEqual([{ unitCode: 'btv', roles: ['head', 'staff'] }]);
    await page
      .getByText('Ban Thường vụ Đảng ủy Khối: Cán bộ, Lãnh đạo đơn vị')
      .or(page.getByText('Ban Thường vụ Đảng ủy Khối: Lãnh đạo đơn vị, Cán bộ'))
      .waitFor();
    await screenshot(page, 'admin-11-users-role');

    // A new account, with a temporary password it must change.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill('btg.moi');
    await form.getByLabel('Họ và tên').fill('Lục Thị Mới');
    await form.getByLabel('Đơn vị').selectOption('ban-tuyen-giao');
    await form.getByLabel('Mật khẩu tạm').fill('Hoa-Ban-Tan-Trao-8899');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản Lục Thị Mới', { exact: false }).waitFor();
    expect(await server.app.directory.users.get('btg.moi')).toMatchObject({
      mustChangePassword: true,
      memberships: [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }],
    });

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('ximang');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('2 kết quả').waitFor();
    await page.getByRole('button', { name: 'Ngừng hoạt động: Chu Văn Toàn' }).click();
    await page.getByText('Đã ngừng hoạt động: Chu Văn Toàn.').waitFor();
    await page.getByText('1 kết quả').waitFor();
    expect((await server.app.directory.users.get('ximang.canbo')).active).toBe(false);

    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: 'Nhật ký', level: 1 }).waitFor();
    await page.getByLabel('Thao tác').selectOption('user');
    await page.getByLabel('Người thực hiện').fill('admin');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('3 kết quả').waitFor();
    const audit = await rowsText(page);
    expect(audit).toContain('user.create');
    expect(audit).toContain('user.deactivate');
    expect(audit).toContain('user.role-add');
    expect(audit).not.toContain('unit.deactivate');
    await page.getByLabel('Thao tác').selectOption('');
    await page.getByLabel('Đối tượng').fill('so-tu-phap');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    expect(await rowsText(page)).toContain('unit.deactivate');
    // Days in dd/mm/yyyy: one that does not exist is refused at its field; today keeps the entry, yesterday not.
    const vn = (iso: string) => iso.split('-').reverse().join('/');
    await page.getByLabel('Từ ngày').fill('31/02/2026');
    await page.getByText('Ngày không hợp lệ: nhập dd/mm/yyyy', { exact: false }).waitFor();
    await page.getByLabel('Từ ngày').fill(vn(suiteDay()));
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    await page.getByLabel('Từ ngày').fill('');
    await page.getByLabel('Đến ngày').fill(vn(suiteDay(-1)));
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('0 kết quả').waitFor();
    await page.getByLabel('Đến ngày').fill(vn(suiteDay()));
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 kết quả').waitFor();
    await screenshot(page, 'admin-12-audit');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('fits the organisation pages into 360 px', async () => {
    const { page } = await openPage(browser, server.url, { width: 360, height: 780 });
    await signInAsAdmin(page);
    for (const [path, heading, name] of [
      ['/admin/units', 'Đơn vị', 'admin-13-units-360'],
      ['/admin/users', 'Người dùng', 'admin-14-users-360'],
      ['/admin/audit', 'Nhật ký', 'admin-15-audit-360'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('table.admin-table').waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
        360,
      );
      await screenshot(page, name);
    }
  });
});
