/**
 * Issue 16, point 4, in Chromium through the whole service: a base organisation's clerk chooses a signed scan in the
 * form's file field and completes the task; Ban Tuyên giáo, reviewing, finds the file listed beside the form and
 * downloads it; the cockpit lists it in the instance with a download link.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { builtWebRoutes } from './support/built-web-routes.js';
import { DEMO_PASSWORD } from './support/people.js';
import { eventually, loose, noWait, startTestService, useBeforeAll } from '../support/harness/index.js';
import {
  attachmentResources,
  REPORT_PROCESS_ID,
  sample,
  unitRef,
} from '../app/attachments/attachment-processes.js';

const stack = useBeforeAll(async () => {
  const service = await startTestService({ extraRoutes: builtWebRoutes(await buildWeb()) });
  await service.service.engineClients.zeebe.deployResources(attachmentResources);
  return service;
});
const browser = useBeforeAll(launchBrowser);

const STC = unitRef('co-so', 'so-tai-chinh', 'Đảng bộ Sở Tài chính');
const FILE_NAME = 'Báo cáo 6 tháng đã ký.pdf';
const CONTENT = sample.pdf(30_000);
const PATIENCE = { timeout: 20_000, interval: 100 };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation').waitFor();
}

/** The open task of the instance at an element, once the engine's reads show it. */
async function taskAt(processInstanceKey: string, elementId: string): Promise<string> {
  return eventually(async () => {
    const found = await stack.service.engineClients.rest.searchUserTasks(
      loose({ filter: { processInstanceKey, elementId, state: 'CREATED' } }),
      noWait,
    );
    expect(found.items).toHaveLength(1);
    return String(found.items[0]?.userTaskKey);
  });
}

async function openTask(page: Page, key: string, name: string): Promise<void> {
  await page.goto(`/tasks/${key}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

async function claim(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nhận việc' }).click();
  await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

const run = { instance: '' };

describe('a signed scan attached by the clerk and downloaded by the reviewer', () => {
  it('the clerk chooses the file in the form, sees its name, and completes the task', async () => {
    const created = await stack.service.engineClients.zeebe.createProcessInstance({
      bpmnProcessId: REPORT_PROCESS_ID,
      variables: { units: [STC] } as never,
    });
    run.instance = String(created.processInstanceKey);
    const key = await taskAt(run.instance, 'lap');
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'sotaichinh.canbo');
    await openTask(page, key, 'Lập báo cáo');
    await claim(page);
    await page.getByRole('textbox', { name: 'Ghi chú', exact: true }).fill('Kèm bản đã ký');
    const picker = page.locator('.fjs-form-field-filepicker').filter({ hasText: 'Bản scan đã ký' });
    // form-js's own words, in Vietnamese.
    expect(await picker.getByRole('button').textContent()).toBe('Chọn tệp');
    await picker
      .locator('input[type="file"]')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: CONTENT });
    await expect.poll(() => picker.textContent(), PATIENCE).toContain(FILE_NAME);
    expect(await seriousViolations(page, 'task page with a file field')).toEqual([]);
    await screenshot(page, 'attachments-01-clerk-chose-file');
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByText('Đã hoàn thành công việc.').waitFor();
    // The completed task lists the file it was sent with.
    await page.getByRole('link', { name: FILE_NAME }).waitFor();
    await screenshot(page, 'attachments-02-clerk-sent');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.context().close();
    // The instance holds the stored file's reference, not form-js's.
    const variable = await eventually(async () => {
      const found = await stack.service.engineClients.rest.searchVariables(
        loose({ filter: { processInstanceKey: run.instance, name: 'banKy' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return JSON.parse(String(found.items[0]?.value)) as { name: string; size: number }[];
    });
    expect(variable).toMatchObject([
      { name: FILE_NAME, size: CONTENT.length, contentType: 'application/pdf' },
    ]);
  });

  it('Ban Tuyên giáo, reviewing, finds the file beside the form and downloads it', async () => {
    const key = await taskAt(run.instance, 'xemXet');
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await openTask(page, key, 'Ban Tuyên giáo xem xét');
    const section = page.getByRole('region', { name: 'Tệp đính kèm của hồ sơ' });
    await section.waitFor();
    expect(await section.textContent()).toContain('Trần Thị Ngọc');
    expect(await section.textContent()).toContain('Lập báo cáo');
    await screenshot(page, 'attachments-03-reviewer-sees-file');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: FILE_NAME }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    const saved = await download.path();
    expect((await readFile(saved)).equals(CONTENT)).toBe(true);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.context().close();
  });

  it('the cockpit lists the file in the instance, with its download link', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'giamsat');
    // The cockpit shows an instance once the engine's searches do (Camunda 8.8: 1–5 s after a change).
    await eventually(async () => {
      expect((await page.request.get(`/api/monitor/instances/${run.instance}`)).status()).toBe(200);
    }, 20_000);
    await page.goto(`/monitor/instances/${run.instance}`);
    const section = page.getByRole('region', { name: 'Tệp đính kèm của hồ sơ' });
    await section.waitFor();
    const link = section.getByRole('link', { name: FILE_NAME });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/api/monitor/instances/${run.instance}/attachments/[0-9a-f]{24}$`));
    await screenshot(page, 'attachments-04-cockpit');
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(Buffer.from(await response.body()).equals(CONTENT)).toBe(true);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.context().close();
  });
});
