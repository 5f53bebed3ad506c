import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBeforeAll } from '../support/harness/index.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';

const server = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

const ADMIN_NAV = ['Quy trình', 'Biểu mẫu', 'Quyết định', 'Thiết lập', 'Đơn vị', 'Người dùng', 'Nhật ký'];

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe("the administrators' section shell", () => {
  it('lands an administrator on /admin with the section navigation; every entry opens its URL', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    const main = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await main.getByRole('link', { name: 'Quản trị' }).count()).toBe(1);
    // An administrator without staff work is not offered an inbox the API would refuse.
    expect(await main.getByRole('link', { name: 'Việc cần làm' }).count()).toBe(0);
    const section = page.getByRole('navigation', { name: 'Điều hướng quản trị' });
    expect((await section.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
      'Quản trị hệ thống',
      ...ADMIN_NAV,
    ]);
    await screenshot(page, 'admin-01-home');
    // Every entry opens its URL and is marked current. (The studio's pages have headings of their own, so only the
    // address and the mark are checked; the organisation's pages are checked by their headings in their own test.)
    for (const [label, path] of [
      ['Quy trình', '/admin/processes'],
      ['Biểu mẫu', '/admin/forms'],
      ['Quyết định', '/admin/decisions'],
      ['Thiết lập', '/admin/settings'],
      ['Đơn vị', '/admin/units'],
      ['Người dùng', '/admin/users'],
      ['Nhật ký', '/admin/audit'],
    ] as const) {
      await section.getByRole('link', { name: label, exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      await expect
        .poll(() => section.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'))
        .toBe('page');
      expect(await page.getByRole('heading', { name: 'Không tìm thấy trang' }).count()).toBe(0);
    }
    // The inbox, asked for by its URL, explains instead of loading forever.
    await page.goto('/inbox');
    await page.getByRole('heading', { name: 'Bạn không có việc trong hộp công việc' }).waitFor();
    expect(await page.getByText('Đang tải…').count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('is usable at 360 px: the section navigation scrolls sideways, nothing overflows', async () => {
    const { page } = await openPage(browser, server.url, { width: 360, height: 780 });
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-02-home-360');
  });

  it('shows staff no admin menu, and /admin tells them they have no access', async () => {
    const { page } = await openPage(browser, server.url);
    await signIn(page, people.staff.username);
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng quản trị' }).count()).toBe(0);
  });
});
