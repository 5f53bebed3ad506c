import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

async function signInAsStaff(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(people.staff.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

describe('starting a process and commenting, in the browser', () => {
  it('starts the report process from its start form after fixing an invalid year', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signInAsStaff(page);
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('heading', { name: 'Khởi tạo quy trình' }).waitFor();
    const list = (await page.locator('.start-list').textContent()) ?? '';
    expect(list).toContain('Báo cáo công tác dân vận');
    expect(list).toContain('Giao ban quý');
    expect(list).not.toContain('nhân sự');
    await screenshot(page, 'start-process-list');

    await page.getByRole('button', { name: 'Khởi tạo: Báo cáo công tác dân vận' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByRole('radio', { name: 'Năm', exact: true }).check();
    const year = page.locator('.fjs-form-field-number').filter({ hasText: 'Năm của kỳ báo cáo' });
    await year.locator('input').fill('1999');
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    await expect
      .poll(async () => (await year.locator('.fjs-form-field-error').allTextContents()).join(' '))
      .toContain('2020');
    await screenshot(page, 'start-process-invalid');

    await year.locator('input').fill('2026');
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã khởi tạo quy trình' });
    await done.waitFor();
    // What was started, by its name and period: no engine number, and it stays until the user closes it.
    expect(await done.textContent()).toContain(
      'Đã khởi tạo quy trình “Báo cáo công tác dân vận” — kỳ báo cáo năm 2026.',
    );
    expect(await done.textContent()).not.toMatch(/\d{6,}/);
    await screenshot(page, 'start-process-done');
    await page.waitForTimeout(3_500);
    expect(await done.isVisible()).toBe(true);
    await done.getByRole('link', { name: 'Về danh sách việc' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('adds a comment on a task, which appears in the “Ý kiến” panel', async () => {
    await stack.startReport({
      unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' },
      period: { code: '2026-6T', label: '6 tháng đầu năm 2026' },
    });
    const { page, errors } = await openPage(browser, stack.url);
    await signInAsStaff(page);
    await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
    await page.getByRole('link', { name: 'Lập báo cáo công tác dân vận' }).first().click();
    await page.getByRole('heading', { name: 'Ý kiến trao đổi' }).waitFor();

    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await page.getByText('Hãy nhập nội dung ý kiến.').waitFor();
    const text = 'Đề nghị bổ sung số liệu về mô hình dân vận khéo.';
    await page.getByLabel('Ý kiến của bạn').fill(text);
    await page.getByLabel('Ý kiến của bạn').press('Tab');
    await page.keyboard.press('Enter');
    const comment = page.locator('.comments li').filter({ hasText: text });
    await comment.waitFor();
    expect(await comment.textContent()).toContain(people.staff.fullName);
    expect(await page.getByLabel('Ý kiến của bạn').inputValue()).toBe('');
    await screenshot(page, 'task-comment');

    await page.reload();
    await page.locator('.comments li').filter({ hasText: text }).waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
