import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { formatDate } from '../../src/shared/vn-date.js';
import { suiteNow } from '../support/suite-clock.js';
import { useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

/** Ban Tổ chức's staff member: the start table lets them start no process (a base organisation's may report urgently). */
const NON_STARTER = 'btc.canbo';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

describe('who is offered “Khởi tạo quy trình”', () => {
  it('is not offered to a user who may start nothing, and the start page says so', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/processes/startable/summary'),
    );
    await signIn(page, NON_STARTER);
    expect((await (await answered).json()) as unknown).toEqual({ items: [] });
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Đổi mật khẩu' }).waitFor();
    const entries = await nav.getByRole('link').allTextContents();
    // The other entries (documents, dashboards) depend on the user's roles; this is about the start entry only.
    expect(entries).toContain('Việc cần làm');
    expect(entries).not.toContain('Khởi tạo quy trình');

    await page.goto('/processes/start');
    await page.getByRole('heading', { name: 'Khởi tạo quy trình' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Bạn không được khởi tạo quy trình nào.' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Việc cần làm');
    expect(await page.locator('.start-list').count()).toBe(0);
    await screenshot(page, 'start-process-none');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('is offered to a user the start table allows', async () => {
    const { page } = await openPage(browser, stack.url);
    await signIn(page, people.staff.username);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Khởi tạo quy trình' }).waitFor();
    const entries = await nav.getByRole('link').allTextContents();
    // Right after the inbox, before the other entries.
    expect(entries.slice(0, 2)).toEqual(['Việc cần làm', 'Khởi tạo quy trình']);
  });
});

describe("the server's refusal of a start-form field, in the browser", () => {
  it('shows the server’s Vietnamese message on the date field the browser let through', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    // A device whose clock is a day behind: its date picker (minDate "today") offers the device's today, which in Viet
    // Nam has already passed. Only the server, whose clock is right, can refuse it: "disallowPassedDates" is checked
    // against today in Asia/Ho_Chi_Minh there (src/app/forms/dynamic-checks.ts). Nothing is bypassed in the browser.
    const deviceNow = new Date(suiteNow().getTime() - 24 * 60 * 60 * 1000);
    await page.clock.setFixedTime(deviceNow);
    const deviceToday = formatDate(deviceNow);

    await signIn(page, people.staff.username);
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('button', { name: 'Khởi tạo: Báo cáo công tác dân vận' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByRole('radio', { name: 'Năm', exact: true }).check();
    await page
      .locator('.fjs-form-field-number')
      .filter({ hasText: 'Năm của kỳ báo cáo' })
      .locator('input')
      .fill('2026');
    const due = page.locator('.fjs-form-field-datetime').filter({ hasText: 'Hạn gửi báo cáo' });
    const dueInput = page.getByRole('textbox', { name: 'Hạn gửi báo cáo' });
    await dueInput.fill(deviceToday);
    await dueInput.press('Enter');
    await page.keyboard.press('Escape');
    expect(await dueInput.inputValue()).toBe(deviceToday);

    const refused = page.waitForResponse(
      (response) =>
        response.url().includes('/api/processes/bao-cao-dan-van/start') && response.status() === 422,
    );
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const problem = (await (await refused).json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: expect.stringContaining('hanNopBaoCao') }),
    ]);

    await expect
      .poll(async () => (await due.locator('.fjs-form-field-error').allTextContents()).join(' '))
      .toContain('Không được chọn ngày đã qua.');
    await page.getByRole('alert').filter({ hasText: 'Dữ liệu chưa hợp lệ' }).waitFor();
    await screenshot(page, 'start-process-server-refusal');
    // The form is still there, with the refused value, to correct.
    expect(await dueInput.inputValue()).toBe(deviceToday);
    expect(unexpectedErrors(errors).filter((error) => !/status of 422\b/.test(error))).toEqual([]);
  });
});
