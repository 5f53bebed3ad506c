/**
 * The bell in the header counts the user's unread notices; the notices page lists them, and opening one marks it read
 * and opens its task.
 */
import { describe, expect, it } from 'vitest';
import { Notifier } from '../../src/app/notifications/index.js';
import { suiteClock } from '../support/suite-clock.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

const PATIENCE = { timeout: 20_000, interval: 200 };

describe('notifications', () => {
  it('counts unread notices on the bell, lists them, and opens the task a notice is about', async () => {
    await stack.startReport({
      unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' },
      period: { code: '2026-6T', label: '6 tháng đầu năm 2026' },
    });
    const { page, errors } = await openPage(browser, stack.url);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill(people.staff.username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const bell = page.getByRole('link', { name: /^Thông báo/ });
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Thông báo');

    const taskLink = page
      .getByRole('row')
      .filter({ hasText: 'Lập báo cáo công tác dân vận' })
      .getByRole('link');
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Làm mới', exact: true }).click();
        return taskLink.count();
      }, PATIENCE)
      .toBe(1);
    const taskKey = decodeURIComponent((await taskLink.getAttribute('href'))!.replace('/tasks/', ''));

    const notifier = new Notifier({
      connection: stack.connection,
      directory: stack.app.directory,
      clock: suiteClock,
      smtpUrl: undefined,
    });
    const groups = await stack.app.directory.candidateGroupsOfUser(people.staff.username);
    await notifier.send({
      key: 'e2e-notice-task',
      kind: 'cong-viec-moi',
      groups,
      subject: 'Công việc mới: Lập báo cáo công tác dân vận',
      text: 'Có công việc mới "Lập báo cáo công tác dân vận" chờ đơn vị xử lý.',
      taskKey,
    });
    await notifier.send({
      key: 'e2e-notice-process',
      kind: 'giao-bao-cao',
      groups,
      subject: 'Triển khai báo cáo kết quả công tác dân vận 6 tháng đầu năm 2026',
      text: 'Đề nghị các đơn vị lập báo cáo.',
    });

    await page.goto('/inbox');
    await expect.poll(() => bell.getAttribute('aria-label'), PATIENCE).toBe('Thông báo: 2 thông báo mới');
    expect(await bell.textContent()).toContain('2');
    await bell.click();
    await page.getByRole('heading', { name: 'Thông báo', exact: true }).waitFor();
    const notices = page.getByRole('main').getByRole('listitem');
    await expect.poll(() => notices.count(), PATIENCE).toBe(2);
    // Newest first, unread ones marked for screen readers too; dates as dd/MM/yyyy.
    expect(await notices.first().textContent()).toMatch(/^Mới: Triển khai báo cáo/);
    expect(await notices.nth(1).textContent()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} · Mở công việc$/);
    await screenshot(page, 'notifications-list');

    await page.getByRole('button', { name: /Công việc mới: Lập báo cáo/ }).click();
    await page.waitForURL(`**/tasks/${encodeURIComponent(taskKey)}`);
    await page.getByRole('heading', { name: 'Lập báo cáo công tác dân vận' }).waitFor();
    await expect.poll(() => bell.getAttribute('aria-label'), PATIENCE).toBe('Thông báo: 1 thông báo mới');

    await bell.click();
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), PATIENCE).toBe('Thông báo');
    await expect.poll(() => page.getByText('Mới:', { exact: true }).count(), PATIENCE).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
