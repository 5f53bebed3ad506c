import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { DEMO_PASSWORD, people, startWebAppServer, type WebAppServer } from './support/web-app-server.js';

let server: WebAppServer;
let browser: Browser;

beforeAll(async () => {
  const dist = await buildWeb();
  server = await startWebAppServer(dist);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInAsStaff(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(people.staff.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

/** The error texts form-js shows under one field, found by the field's label. */
async function fieldErrors(page: Page, label: string): Promise<string> {
  const field = page.locator('.fjs-form-field').filter({ has: page.getByLabel(label, { exact: false }) });
  return (await field.locator('.fjs-form-field-error').allTextContents()).join(' ');
}

describe('a task form in the browser', () => {
  it("replaces form-js's English validation messages by Vietnamese ones", async () => {
    const { page, errors } = await openPage(browser, server.url);
    await signInAsStaff(page);
    // PLACEHOLDER inbox: the sample task held by the user (until src/app/inbox serves real tasks).
    await page.getByRole('link', { name: 'Lập báo cáo công tác dân vận 6 tháng' }).first().click();
    await page.locator('.fjs-form').waitFor();
    await expect.poll(() => page.getByText('Đang tải biểu mẫu…').count(), { timeout: 10_000 }).toBe(0);

    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect
      .poll(() => fieldErrors(page, 'Tiêu đề báo cáo'), { timeout: 10_000 })
      .toContain('Trường này là bắt buộc.');
    expect(await fieldErrors(page, 'Kết quả nổi bật')).toContain('Trường này là bắt buộc.');
    const formText = (await page.locator('.fjs-form').textContent()) ?? '';
    expect(formText).not.toMatch(/Field is required|Field must/);

    await page.getByLabel('Kết quả nổi bật').fill('Ngắn');
    await page.getByLabel('Email liên hệ').fill('khong-phai-email');
    await page.getByLabel('Email liên hệ').blur();
    await expect
      .poll(() => fieldErrors(page, 'Kết quả nổi bật'), { timeout: 10_000 })
      .toContain('Độ dài tối thiểu là 20 ký tự.');
    expect(await fieldErrors(page, 'Email liên hệ')).toContain('Địa chỉ email không hợp lệ.');
    await screenshot(page, '06-task-form-vietnamese-errors');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("shows the server's field errors on their fields, then completes", async () => {
    const { page } = await openPage(browser, server.url);
    await signInAsStaff(page);
    await page.goto('/tasks/mau-1');
    await page.locator('.fjs-form').waitFor();
    await page.getByLabel('Tiêu đề báo cáo').fill('Báo cáo 6 tháng đầu năm 2026');
    await page.getByLabel('Số mô hình').fill('600');
    await page.getByLabel('Kết quả nổi bật').fill('Ra mắt 12 mô hình dân vận khéo tại các chi bộ.');
    await page.getByLabel('Kết quả nổi bật').blur();
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    // The (placeholder) server refuses 600 with a per-field error: it is shown under that field…
    await expect.poll(() => fieldErrors(page, 'Số mô hình'), { timeout: 10_000 }).toContain('tối đa 500');
    // …and stays there while form-js re-validates the field (its updates are debounced and repeated).
    await page.waitForTimeout(1_000);
    expect(await fieldErrors(page, 'Số mô hình')).toContain('tối đa 500');
    expect(await page.getByRole('alert').first().textContent()).toContain('Dữ liệu chưa hợp lệ');
    await screenshot(page, '07-task-form-server-error');

    await page.getByLabel('Số mô hình').fill('12');
    await page.getByLabel('Số mô hình').blur();
    // A changed value drops the server's error on that field.
    await expect.poll(() => fieldErrors(page, 'Số mô hình'), { timeout: 10_000 }).toBe('');
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByText('Đã hoàn thành công việc.').waitFor();
    expect(await page.locator('.fjs-form').count()).toBe(0);
  });
});
