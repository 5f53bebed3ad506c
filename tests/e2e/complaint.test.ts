/**
 * Điều 8.3 Quy chế công tác Dân vận (926-QĐ/ĐUK), in Chromium through the whole service as `npm start` runs it: a base
 * organisation's staff enters a petition its Secretary received from a citizen (the rule between its dates said on
 * the field before sending), and the Secretary approves and signs the answer with the letter, the resolution and the
 * draft answer in front of them — a reviewer sees what they decide on (issue 16). The steps in between (classifying,
 * resolving) are completed through the engine's API: their forms are covered by tests/scenarios.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { builtWebRoutes } from './support/built-web-routes.js';
import { DEMO_PASSWORD } from './support/people.js';
import { formatDate } from '../../src/shared/vn-date.js';
import { suiteDay } from '../support/suite-clock.js';
import { eventually, startTestService, useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startTestService({ extraRoutes: builtWebRoutes(await buildWeb()) }));
const browser = useBeforeAll(launchBrowser);

const UNIT = 'Đảng bộ Sở Tài chính';
const SENDER = 'Nguyễn Văn Bình';
const SUMMARY = 'Chế độ làm thêm giờ của người lao động';
const CONTENT = 'Người lao động Phòng Kế hoạch chưa được thanh toán tiền làm thêm giờ tháng 4 và tháng 5.';
const RESULT = 'Đã làm việc với Văn phòng Sở; tiền làm thêm giờ được chi trả đủ.';
const ANSWER = 'Sở Tài chính đã chi trả đủ tiền làm thêm giờ tháng 4 và tháng 5 cho người lao động.';
const PATIENCE = { timeout: 20_000, interval: 100 };
const loose = <T>(value: T): never => value as never;
const noWait = { consistency: { waitUpToMs: 0 } };

const run = { processInstanceKey: '' };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

function input(page: Page, label: string): Locator {
  return page.getByRole('textbox', { name: label, exact: true });
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = input(page, label);
  await field.fill(value);
  await field.blur();
}

async function fieldErrors(page: Page, label: string): Promise<string> {
  const field = input(page, label).locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]",
  );
  return (await field.locator('.fjs-form-field-error').allTextContents()).join(' ');
}

/** Completes the open task of this element through the engine's API (a moment after the step before). */
async function completeByApi(elementId: string, variables: Record<string, unknown>): Promise<void> {
  const rest = stack.service.engineClients.rest;
  const task = await eventually(async () => {
    const found = await rest.searchUserTasks(
      loose({ filter: { processInstanceKey: run.processInstanceKey, state: 'CREATED', elementId } }),
      noWait,
    );
    expect(found.items, elementId).toHaveLength(1);
    return found.items[0] as unknown as { userTaskKey: string };
  });
  await rest.completeUserTask(loose({ userTaskKey: task.userTaskKey, variables }));
}

/** Opens the task from the inbox tab "Chưa ai nhận" (reloaded until the workers have created it) and claims it. */
async function openAndClaim(page: Page, taskName: string, fullName: string): Promise<void> {
  const row = page
    .getByRole('row')
    .filter({ hasText: UNIT })
    .filter({ has: page.getByRole('link', { name: taskName, exact: true }) });
  await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        await page.reload();
        await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
        return (await row.count()) > 0;
      },
      { timeout: 40_000, interval: 500 },
    )
    .toBe(true);
  await row.getByRole('link', { name: taskName, exact: true }).click();
  await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Nhận việc' }).click();
  await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
  await page.locator('.fjs-form').waitFor();
  const facts = page.getByRole('complementary').locator('dl');
  await expect.poll(() => facts.textContent(), PATIENCE).toContain(`Người thực hiện${fullName}`);
}

describe('a petition received by a base organisation (Art. 8.3), in the browser', () => {
  it("Sở Tài chính's staff enters the petition; a due date before the day received is refused on its field", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'sotaichinh.canbo');
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('button', { name: 'Khởi tạo: Tiếp nhận đơn thư, kiến nghị' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByRole('radio', { name: 'Kiến nghị' }).check();
    await page.getByRole('radio', { name: 'Người đứng đầu cấp ủy tiếp công dân' }).check();
    await fill(page, 'Người đứng đầu cấp ủy đã tiếp công dân', 'Đặng Văn Bình, Bí thư Đảng ủy Sở');
    await fill(page, 'Ngày tiếp nhận', formatDate(suiteDay(5)));
    await fill(page, 'Họ và tên người gửi', SENDER);
    await page.getByRole('radio', { name: 'Người lao động' }).check();
    await fill(page, 'Địa chỉ liên hệ', 'Phòng Kế hoạch, Sở Tài chính');
    await fill(page, 'Điện thoại người gửi', '0912 345 678');
    await fill(page, 'Trích yếu nội dung', SUMMARY);
    await fill(page, 'Nội dung đơn thư', CONTENT);
    await fill(page, 'Hạn giải quyết', formatDate(suiteDay(3)));
    // Said on its field when sending is tried (the form's rule, which the server enforces too); nothing starts.
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    await expect
      .poll(() => fieldErrors(page, 'Hạn giải quyết'), PATIENCE)
      .toContain('Hạn giải quyết không được trước ngày tiếp nhận đơn thư.');
    await screenshot(page, 'complaint-01-receipt-rule-refused');
    await fill(page, 'Ngày tiếp nhận', formatDate(suiteDay(0)));
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã khởi tạo quy trình' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`đơn thư “${SUMMARY}”`);
    const found = await eventually(async () => {
      const listed = await stack.service.engineClients.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'don-thu-kien-nghi' } }),
        noWait,
      );
      expect(listed.items).toHaveLength(1);
      return listed;
    });
    run.processInstanceKey = String(found.items[0]?.processInstanceKey ?? '');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);

    // The Secretary classifies it (a petition stays with the unit) and the unit resolves it, through the API.
    await completeByApi('Task_PhanLoai', {
      phanLoai: 'kien-nghi',
      yKienPhanCong: 'Văn phòng cấp ủy làm việc với Văn phòng Sở.',
    });
    await completeByApi('Task_GiaiQuyet', {
      ketQuaGiaiQuyet: RESULT,
      ngayGiaiQuyet: suiteDay(1),
      noiDungTraLoi: ANSWER,
    });
  });

  it('the Secretary approves and signs the answer with the letter, the resolution and the draft in front of them', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'sotaichinh.lanhdao');
    await openAndClaim(page, 'Người đứng đầu cấp ủy duyệt, ký văn bản trả lời', 'Đặng Văn Bình');
    const shown = (await page.locator('.fjs-form').textContent()) ?? '';
    for (const text of [
      `Kiến nghị của ${SENDER} gửi ${UNIT}`,
      SUMMARY,
      CONTENT,
      'người lao động',
      formatDate(suiteDay(0)),
      formatDate(suiteDay(3)),
      'Văn phòng cấp ủy làm việc với Văn phòng Sở.',
      `Ngày giải quyết: ${formatDate(suiteDay(1))}`,
      RESULT,
      ANSWER,
    ])
      expect(shown).toContain(text);
    // Dates as users write them, never as stored.
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Computed texts are plain: no markdown left over; no advice block for a letter Ủy ban Kiểm tra never saw.
    expect(shown).not.toContain('**');
    expect(shown).not.toContain('Ủy ban Kiểm tra');
    await page.getByRole('radio', { name: 'Duyệt, ký văn bản trả lời' }).check();
    await fill(page, 'Số, ký hiệu văn bản', '15-CV/ĐU');
    await fill(page, 'Ngày ký văn bản', formatDate(suiteDay(2)));
    await fill(page, 'Người ký', 'Đặng Văn Bình');
    await fill(page, 'Chức vụ người ký', 'Bí thư');
    await screenshot(page, 'complaint-02-approval-shows-letter-and-answer');
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByText('Đã hoàn thành công việc.').waitFor();
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);

    // The answer is generated as the committee's own công văn and the instance ends.
    const document = await eventually(async () => {
      const found = await stack.records.findDocument(`${run.processInstanceKey}-tra-loi-don-thu`);
      expect(found).toBeDefined();
      return found!;
    }, 40_000);
    expect(document.soKyHieu).toBe('15-CV/ĐU');
  });
});
