import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { useBeforeAll } from '../support/harness/index.js';

const server = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
}

describe('signing in, in the browser', () => {
  it('shows the Vietnamese sign-in page, refuses a wrong password in Vietnamese, and locks after repeated failures', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.textContent('body')).toContain(
      'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang',
    );
    expect(await page.title()).toBe('Công tác Dân vận');

    // Empty submit: the fields say what is missing, nothing is sent.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await page.getByText('Vui lòng nhập trường này.').count()).toBe(2);

    await signIn(page, people.locked.username, 'sai-mat-khau');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await screenshot(page, '01-sign-in-wrong-password');

    for (let attempt = 2; attempt <= 5; attempt += 1)
      await signIn(page, people.locked.username, 'sai-mat-khau');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Tài khoản tạm thời bị khóa');
    await screenshot(page, '02-sign-in-locked');
    // Even the right password is refused while locked.
    await signIn(page, people.locked.username, DEMO_PASSWORD);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('Tài khoản tạm thời bị khóa');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('signs a staff member in, shows the shell, switches to English and back, remembers the choice, signs out', async () => {
    const { page } = await openPage(browser, server.url);
    await page.goto('/');
    await signIn(page, people.staff.username, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    expect(await page.getByTestId('user-name').textContent()).toContain(people.staff.fullName);
    const units = await page.getByRole('list', { name: 'Đơn vị' }).textContent();
    expect(units).toContain('Ban Tuyên giáo Đảng ủy Khối');
    expect(units).toContain('Cán bộ');
    await screenshot(page, '03-inbox-vi');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    // <html lang> is written in an effect after the render that shows the heading.
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await screenshot(page, '04-inbox-en');

    // The choice survives a reload (localStorage), and a reload of a client route gets the app (index.html).
    await page.reload();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    // Browser-side code is passed as text: the root tsconfig has no DOM library.
    expect(await page.evaluate<string | null>("localStorage.getItem('dan-van.locale')")).toBe('vi');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(status).toBe(401);
  });

  it('is usable by keyboard with a visible focus, and on a phone', async () => {
    const { page } = await openPage(browser, server.url, { width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').waitFor();
    // The username field has focus on arrival; typing and Tab move through labelled fields to the button.
    await page.keyboard.type(people.staff.username);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate<{ label: string; style: string }>(
      '({ label: document.activeElement.labels[0].textContent, style: getComputedStyle(document.activeElement).outlineStyle })',
    );
    expect(outline).toEqual({ label: 'Mật khẩu', style: 'solid' });
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, '05-inbox-phone');
  });
});
