/**
 * The inbox opens on every task the user may see (a new task is nobody's yet, so "Việc của tôi" would open empty),
 * and "Làm mới" fetches the list again without reloading the page.
 */

import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

describe('the inbox page', () => {
  it('opens on all the tasks the user may see, and "Làm mới" brings in a new task without reloading the page', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill(people.staff.username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    const allTab = page.getByRole('button', { name: /Tất cả việc tôi được xem/ });
    expect(await allTab.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).search).toBe('');
    await page.getByText('Không có công việc nào phù hợp.').waitFor();

    await stack.startReport({
      unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' },
      period: { code: '2026-6T', label: '6 tháng đầu năm 2026' },
    });
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    const refresh = page.getByRole('button', { name: 'Làm mới', exact: true });
    const row = page.getByRole('row').filter({ hasText: 'Lập báo cáo công tác dân vận' });
    await expect
      .poll(
        async () => {
          const listed = page.waitForResponse((response) => response.url().includes('/api/inbox/tasks'));
          await refresh.click();
          // The browser leaves the default scope out of the request: the server's default is the same.
          expect(new URL((await listed).url()).searchParams.has('scope')).toBe(false);
          return row.count();
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(1);
    expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);
    // The unclaimed task is among "all", counted as the list says.
    expect(await row.textContent()).toContain('Chưa ai nhận');
    expect(await allTab.textContent()).toMatch(/xem\s*1$/);
    await page.getByText('1 công việc').waitFor();
    expect(await row.locator('.task-table__period').textContent()).toBe('6 tháng đầu năm 2026');
    await screenshot(page, 'inbox-default-all');

    // Another scope goes into the address and survives a reload; back on "all", the address is clean again.
    await page.getByRole('button', { name: /Việc của tôi/ }).click();
    await page.waitForURL((url) => url.search === '?scope=mine');
    await page.reload();
    await page.getByText('Không có công việc nào phù hợp.').waitFor();
    expect(await page.getByRole('button', { name: /Việc của tôi/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await allTab.click();
    await page.waitForURL((url) => url.search === '');
    await row.waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
