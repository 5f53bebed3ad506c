import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';
import { useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startInboxStack(await buildWeb()));
const browser = useBeforeAll(launchBrowser);

const TASK_NAME = 'Lập báo cáo công tác dân vận';

async function signInAsStaff(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(people.staff.username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

/** Opens the unclaimed report task from the inbox's "unclaimed in my groups" tab and claims it. */
async function openAndClaimNewTask(page: Page): Promise<void> {
  // Until the unclaimed list arrives the page still shows "all", whose first task may be already claimed.
  const unclaimedList = page.waitForResponse(
    (response) => response.url().includes('/api/inbox/tasks') && response.url().includes('scope=unclaimed'),
  );
  await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
  await unclaimedList;
  await page.getByRole('link', { name: TASK_NAME }).first().click();
  await page.getByRole('button', { name: 'Nhận việc' }).click();
  await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

/** The error texts form-js shows under one field, found by the field's label. */
async function fieldErrors(page: Page, label: string): Promise<string> {
  const field = page.locator('.fjs-form-field').filter({ has: page.getByLabel(label, { exact: false }) });
  return (await field.locator('.fjs-form-field-error').allTextContents()).join(' ');
}

describe('a task from the engine, in the browser', () => {
  it("finds it in the inbox, claims it, and shows form-js's validation messages in Vietnamese", async () => {
    await stack.startReport({
      unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' },
      period: { code: '2026-6T', label: '6 tháng đầu năm 2026' },
    });
    const { page, errors } = await openPage(browser, stack.url);
    await signInAsStaff(page);
    // New tasks appear without a reload of the app: the inbox fetches again when the tab is chosen.
    await openAndClaimNewTask(page);
    await expect.poll(() => page.getByText('Đang tải biểu mẫu…').count(), { timeout: 10_000 }).toBe(0);
    // Beside the form: the process diagram (bpmn-js, loaded on demand) with the current step highlighted.
    await page.locator('.process-diagram [data-element-id="lapBaoCao"].current-step').waitFor();
    const context = (await page.getByRole('complementary').textContent()) ?? '';
    expect(context).toContain('Nguyễn Thị Lan: Nhận việc');
    // Un-claiming is "Hủy nhận việc", on its button and in the history, and the task can be claimed again.
    await page.getByRole('button', { name: 'Hủy nhận việc' }).click();
    await page.getByRole('button', { name: 'Nhận việc' }).click();
    await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
    const history = page.getByRole('complementary').locator('.timeline');
    await expect
      .poll(() => history.locator('li').allTextContents(), { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/Nguyễn Thị Lan: Nhận việc$/),
        expect.stringMatching(/Nguyễn Thị Lan: Hủy nhận việc$/),
        expect.stringMatching(/Nguyễn Thị Lan: Nhận việc$/),
      ]);
    expect(context).toContain('Báo cáo thử');
    expect(context).toContain('Đảng bộ Sở Tài chính');
    expect(context).toContain('6 tháng đầu năm 2026');

    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect
      .poll(() => fieldErrors(page, 'Tiêu đề báo cáo'), { timeout: 10_000 })
      .toContain('Trường này là bắt buộc.');
    expect(await fieldErrors(page, 'Số mô hình')).toContain('Trường này là bắt buộc.');
    const formText = (await page.locator('.fjs-form').textContent()) ?? '';
    expect(formText).not.toMatch(/Field is required|Field must/);
    // form-js's own words around the select are Vietnamese too.
    expect(await page.locator('.fjs-form-field-select .fjs-select-display').textContent()).toBe('Chọn');

    await page.getByLabel('Số mô hình').fill('501');
    await page.getByLabel('Số mô hình').blur();
    await expect
      .poll(() => fieldErrors(page, 'Số mô hình'), { timeout: 10_000 })
      .toContain('Giá trị phải nhỏ hơn hoặc bằng 500.');
    await screenshot(page, '06-task-form-vietnamese-errors');

    // On a phone the form and its context stack in one column, with nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 10_000 })
      .toBeLessThanOrEqual(390);
    await screenshot(page, '06b-task-form-phone');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("shows the server's field errors on their fields, keeps a draft, then completes", async () => {
    await stack.startReport({ kyBaoCao: '6 tháng đầu năm 2026' });
    const { page } = await openPage(browser, stack.url);
    await signInAsStaff(page);
    await openAndClaimNewTask(page);
    const taskPath = new URL(page.url()).pathname;

    await page.getByLabel('Tiêu đề báo cáo').fill('Báo cáo 6 tháng đầu năm 2026');
    await page.getByLabel('Tiêu đề báo cáo').blur();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc \d\d:\d\d\./).waitFor();
    // The draft is kept on the server and restored on return.
    await page.reload();
    await page.locator('.fjs-form').waitFor();
    await expect
      .poll(() => page.getByLabel('Tiêu đề báo cáo').inputValue(), { timeout: 10_000 })
      .toBe('Báo cáo 6 tháng đầu năm 2026');
    expect(new URL(page.url()).pathname).toBe(taskPath);

    await page.getByLabel('Số mô hình').fill('12');
    await page.getByLabel('Số mô hình').blur();
    // form-js's select is its own dropdown: open it, pick the option.
    await page.locator('.fjs-form-field-select .fjs-input-group').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: /^Đạt$/ }).click();
    // A browser that skipped form-js's checks: the server validates anyway and names the field.
    await page.route('**/complete', async (route) => {
      const sent = JSON.parse(route.request().postData() ?? '{}') as { data: Record<string, unknown> };
      await route.continue({ postData: JSON.stringify({ data: { ...sent.data, soMoHinh: 600 } }) });
    });
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect.poll(() => fieldErrors(page, 'Số mô hình'), { timeout: 10_000 }).toContain('500');
    expect(await page.getByRole('alert').first().textContent()).toContain('Dữ liệu chưa hợp lệ');
    // …and it stays there while form-js re-validates the field (its updates are repeated).
    await page.waitForTimeout(1_000);
    expect(await fieldErrors(page, 'Số mô hình')).toContain('500');
    await screenshot(page, '07-task-form-server-error');

    await page.unroute('**/complete');
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByText('Đã hoàn thành công việc.').waitFor();
    expect(await page.locator('.fjs-form').count()).toBe(0);
    // The side panel says so at once, and its history is fetched again with the completion in it.
    const panel = page.getByRole('complementary');
    expect(await panel.locator('dl').textContent()).toContain('Trạng tháiĐã hoàn thành');
    await expect
      .poll(() => panel.locator('.timeline li').last().textContent(), { timeout: 10_000 })
      .toMatch(/Nguyễn Thị Lan: Hoàn thành$/);
    // The way back is a link styled as a button by its class (app.css), not by an inline style.
    const back = page.getByRole('link', { name: 'Về danh sách việc', exact: true });
    expect(await back.getAttribute('style')).toBeNull();
    expect(
      await back.evaluate(
        (link) => link.ownerDocument.defaultView?.getComputedStyle(link).textDecorationLine,
      ),
    ).toBe('none');
    await screenshot(page, '08-task-completed');

    // Opened again later, the task says it is finished and offers nothing to do.
    await page.reload();
    await page.getByText('Công việc này đã kết thúc').waitFor();
    expect(await page.getByRole('button', { name: 'Nhận việc' }).count()).toBe(0);
    expect(await page.getByText('Hãy nhận việc trước khi hoàn thành.').count()).toBe(0);
    expect(await panel.locator('dl').textContent()).toContain('Trạng tháiĐã hoàn thành');
  });
});
