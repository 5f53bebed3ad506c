/**
 * Issue 14 in the browser: the administrator moves the report deadline and a briefing deadline in the settings (a briefing
 * value out of order is refused at its field first), opens bao-cao-dan-van in the modeler, breaks a form link and sees lint
 * flag it (on the element and in the panel), fixes it, views the diff and deploys version 2; a period started before
 * stays on version 1; a rollback redeploys version 1's content; a staff user gets 403 on the studio's API.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { eventually, noWait, startTestService, useBeforeAll } from '../../support/harness/index.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from '../support/browser.js';
import { buildWeb } from '../support/build-web.js';
import { builtWebRoutes } from '../support/built-web-routes.js';

const stack = useBeforeAll(async () => startTestService({ extraRoutes: builtWebRoutes(await buildWeb()) }));
const browser = useBeforeAll(launchBrowser);
const PATIENCE = { timeout: 30_000, interval: 250 };
const PERIOD = { loaiKy: '6-thang', nam: 2027 };

async function reportDueOf(processInstanceKey: string): Promise<string> {
  const rest = stack.service.engineClients.rest;
  return eventually(async () => {
    const found = await rest.searchVariables(
      { filter: { processInstanceKey, name: 'reportDueDate' } } as never,
      noWait,
    );
    const value = (found.items as { value?: string }[])[0]?.value;
    expect(value).toBeTruthy();
    return JSON.parse(value!) as string;
  });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
}

/** Selects an element on the canvas and opens a group of the properties panel if it is closed. */
async function selectElement(page: Page, id: string): Promise<void> {
  await page.locator(`.djs-element[data-element-id="${id}"]`).first().click();
  await page
    .locator(`.bio-properties-panel-header-label`)
    .filter({ hasText: id })
    .waitFor()
    .catch(() => undefined);
}

async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

describe('the studio in the browser', () => {
  it('lints, diffs, deploys a new version and rolls back; staff get 403', async () => {
    const zeebe = stack.service.engineClients.zeebe;
    // A period started before the change: it stays on version 1.
    const before = await zeebe.createProcessInstance({ bpmnProcessId: 'bao-cao-dan-van', variables: PERIOD });
    expect(await reportDueOf(String(before.processInstanceKey))).toContain('2027-05-20');

    const { page, errors } = await openPage(browser, stack.url, { width: 1440, height: 960 });
    await signIn(page, 'admin');

    // Move the six-monthly report deadline from 20/05 to 25/05.
    await page.goto('/admin/settings');
    const due = page.locator('input[name="6-thang-reportDue"]');
    await expect.poll(() => due.inputValue(), PATIENCE).toBe('20/05');
    await due.fill('25/05');
    // A quarterly briefing setting too: first out of order, and the server's error shows at that field.
    const cutoff = page.locator('input[name="giaoBanQuy-quy-cutoffDaysBeforeMeeting"]');
    await expect.poll(() => cutoff.inputValue(), PATIENCE).toBe('2');
    await cutoff.fill('6');
    await page.getByLabel('Ghi chú thay đổi (bắt buộc)').fill('Hạn báo cáo 6 tháng năm 2027: 25/05');
    await page.getByRole('button', { name: 'Lưu tham số' }).click();
    await page.getByText('Tham số chưa hợp lệ; xem các trường được đánh dấu.').waitFor();
    expect(await cutoff.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.locator('#giaoBanQuy-quy-cutoffDaysBeforeMeeting-error').textContent(), PATIENCE)
      .toMatch(/Hạn chốt nhận không được sớm hơn hạn gửi báo cáo/);
    await cutoff.fill('3');
    await page.getByRole('button', { name: 'Lưu tham số' }).click();
    await page.getByText('Đã lưu tham số, phiên bản 1.').waitFor();
    expect(await cutoff.inputValue()).toBe('3');
    expect(await cutoff.getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'studio-00-settings');
    const row = page.locator('[data-process="bao-cao-dan-van"] tr[data-version="1"]');
    // The period started above may not count in the engine's reads yet (as on Camunda): load again, as a user would.
    await expect
      .poll(async () => {
        await page.goto('/admin/processes');
        return row.locator('.studio-running').textContent();
      }, PATIENCE)
      .toBe('1');
    await screenshot(page, 'studio-01-processes');

    await page.locator('[data-process="bao-cao-dan-van"]').getByRole('link', { name: 'Mở sơ đồ' }).click();
    await page.waitForSelector('body[data-modeler-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => page.locator('.lint-panel__clean').count(), PATIENCE).toBe(1);
    await screenshot(page, 'studio-02-modeler');

    // Break the report step's form link: lint flags it on the element and in the panel, and deploy is blocked.
    await selectElement(page, 'Task_LapBaoCao');
    await openGroup(page, 'form');
    const formId = page.locator('#bio-properties-panel-formId');
    await formId.fill('bao-cao-dan-van-lap-moi');
    await expect
      .poll(() => page.locator('.lint--error[data-rule="form-exists"]').textContent(), PATIENCE)
      .toContain('Biểu mẫu "bao-cao-dan-van-lap-moi" không tồn tại');
    expect(await page.locator('.djs-overlay .cl-overlay-root').count()).toBeGreaterThan(0);
    await page.getByLabel('Ghi chú thay đổi (bắt buộc)').fill('Đổi tên bước lập báo cáo');
    expect(await page.getByRole('button', { name: 'Đưa vào sử dụng' }).isDisabled()).toBe(true);
    await screenshot(page, 'studio-03-lint');

    // Fix it, and rename the step so there is something to deploy.
    await formId.fill('bao-cao-dan-van-lap');
    await openGroup(page, 'general');
    await page.locator('#bio-properties-panel-name').fill('Lập báo cáo của đơn vị');
    await expect.poll(() => page.locator('.lint-panel__clean').count(), PATIENCE).toBe(1);

    await page.getByRole('button', { name: 'So sánh với phiên bản đang dùng' }).click();
    const change = page.locator('.diff--changed[data-element="Task_LapBaoCao"]');
    await change.waitFor();
    expect(await change.textContent()).toContain('Lập báo cáo của đơn vị');
    expect(await page.locator('.djs-element.diff-changed[data-element-id="Task_LapBaoCao"]').count()).toBe(1);
    await screenshot(page, 'studio-04-diff');

    await page.getByRole('button', { name: 'Đưa vào sử dụng' }).click();
    await page.getByText('Đã đưa vào sử dụng phiên bản 2.').waitFor();
    expect(await page.locator('.studio-note').textContent()).toContain(
      'có thể chuyển chúng sang phiên bản mới',
    );

    // A period started now runs version 2; the one started before still runs version 1.
    const after = await zeebe.createProcessInstance({ bpmnProcessId: 'bao-cao-dan-van', variables: PERIOD });
    expect(Number(after.version)).toBe(2);
    expect(Number(before.version)).toBe(1);
    expect(await reportDueOf(String(after.processInstanceKey))).toContain('2027-05-25');
    expect(await reportDueOf(String(before.processInstanceKey))).toContain('2027-05-20');

    await page.goto('/admin/processes');
    const v2 = page.locator('[data-process="bao-cao-dan-van"] tr[data-version="2"]');
    await expect.poll(() => v2.textContent(), PATIENCE).toContain('Đổi tên bước lập báo cáo');
    await expect.poll(() => row.locator('.studio-running').textContent(), PATIENCE).toBe('1');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Quay lại phiên bản này' }).click();
    await page.getByText('Đã quay lại phiên bản 1: nay là phiên bản 3.').waitFor();
    // Signing in lands the administrator on the inbox, which answers 403 to an admin (the admin shell's part of
    // issue 14), and the settings out of order were refused once (400, on purpose); nothing else failed.
    const failed = unexpectedErrors(errors).filter((error) => !/status of 403\b/.test(error));
    expect(failed).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);

    const staff = await openPage(browser, stack.url);
    await signIn(staff.page, 'btv.canbo');
    for (const url of ['/api/admin/studio/processes', '/api/admin/studio/catalogue', '/api/admin/settings'])
      expect((await staff.page.request.get(url)).status()).toBe(403);
  }, 240_000);
});
