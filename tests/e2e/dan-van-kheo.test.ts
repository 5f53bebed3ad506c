/**
 * The "Dân vận khéo" movement (Quy chế công tác Dân vận 926-QĐ/ĐUK, Art. 8.4, 9.2, 5), in Chromium through the whole
 * service as `npm start` runs it: a mass organisation's staff registers a model on the start page (the rule between
 * its dates said on the field before sending), Ban Tuyên giáo reviews it with the whole registration in front of it,
 * and assesses the unit's results with the registration and the results shown (issue 16: a user sees what they
 * decide on). The steps in between are completed through the engine's API: their forms are covered by
 * tests/scenarios/dan-van-kheo.test.ts.
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

const UNIT = 'Đoàn Thanh niên Khối';
const NAME = 'Thanh niên Khối chung tay xây dựng nông thôn mới';
const HOW = 'Mỗi chi đoàn nhận đỡ đầu một thôn; tổ chức ngày thứ Bảy tình nguyện hằng tháng.';
const RESULT = 'Làm 4 km đường bê tông, sửa 6 nhà cho hộ nghèo; trao 25 suất quà.';
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

/** The open task of this element, as the engine lists it (a moment after the step before). */
async function openTask(elementId: string): Promise<{ userTaskKey: string }> {
  return eventually(async () => {
    const found = await stack.service.engineClients.rest.searchUserTasks(
      loose({ filter: { processInstanceKey: run.processInstanceKey, state: 'CREATED', elementId } }),
      noWait,
    );
    expect(found.items, elementId).toHaveLength(1);
    return found.items[0] as unknown as { userTaskKey: string };
  });
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

describe('a "Dân vận khéo" model (Art. 8.4, 9.2, 5), in the browser', () => {
  it("the Youth Union's staff registers a model on the start page; a results day not after the start is refused on its field", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'doanthanhnien.canbo');
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('button', { name: 'Khởi tạo: Đăng ký mô hình "Dân vận khéo"' }).click();
    await page.locator('.fjs-form').waitFor();
    await fill(page, 'Tên mô hình', NAME);
    // form-js's select is its own dropdown: open it, pick the option.
    await page.locator('.fjs-form-field-select .fjs-input-group').click();
    await page
      .locator('.fjs-dropdownlist-item', { hasText: /^Chăm lo đời sống người lao động, an sinh xã hội$/ })
      .click();
    await fill(page, 'Mục tiêu của mô hình', 'Huy động đoàn viên giúp các xã khó khăn làm đường, sửa nhà.');
    await fill(page, 'Nội dung, cách làm', HOW);
    await fill(page, 'Đối tượng tham gia', 'Đoàn viên thanh niên các cơ quan, doanh nghiệp trong Khối');
    await fill(page, 'Số người tham gia dự kiến', '300');
    await fill(page, 'Ngày bắt đầu thực hiện', formatDate(suiteDay(2)));
    await fill(page, 'Ngày báo cáo kết quả', formatDate(suiteDay(2)));
    await fill(page, 'Họ và tên người phụ trách mô hình', 'Triệu Thị Mai');
    await fill(page, 'Chức vụ người phụ trách', 'Phó Bí thư Đoàn Thanh niên Khối');
    await fill(page, 'Điện thoại liên hệ', '0912 345 678');
    // The rule on a date field is said when the form is sent (form-js checks a date field on sending, not on blur).
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    await expect
      .poll(() => fieldErrors(page, 'Ngày báo cáo kết quả'), PATIENCE)
      .toContain('Ngày báo cáo kết quả phải sau ngày bắt đầu thực hiện.');
    await screenshot(page, 'dan-van-kheo-01-registration-rule-refused');
    await fill(page, 'Ngày báo cáo kết quả', formatDate(suiteDay(60)));
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã khởi tạo quy trình' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`mô hình “Dân vận khéo” “${NAME}”`);
    const found = await eventually(async () => {
      const listed = await stack.service.engineClients.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'dan-van-kheo' } }),
        noWait,
      );
      expect(listed.items).toHaveLength(1);
      return listed;
    });
    run.processInstanceKey = String(found.items[0]?.processInstanceKey ?? '');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('Ban Tuyên giáo reviews the registration with all of it in front of it', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await openAndClaim(page, 'Ban Tuyên giáo xem xét đăng ký', 'Nguyễn Thị Lan');
    const shown = (await page.locator('.fjs-form').textContent()) ?? '';
    for (const text of [
      `Mô hình "Dân vận khéo" của ${UNIT}`,
      NAME,
      'Chăm lo đời sống người lao động, an sinh xã hội',
      HOW,
      formatDate(suiteDay(2)),
      formatDate(suiteDay(60)),
      'dự kiến 300 người',
      'Triệu Thị Mai',
    ])
      expect(shown).toContain(text);
    expect(shown).not.toContain('**');
    // Returning or refusing asks for Ban Tuyên giáo's reason.
    await page.getByRole('radio', { name: 'Trả lại để hoàn thiện' }).check();
    await page.getByRole('textbox', { name: 'Ý kiến của Ban Tuyên giáo', exact: true }).waitFor();
    await screenshot(page, 'dan-van-kheo-02-review-shows-model');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);

    // Accepted, and the unit's results, through the API.
    const rest = stack.service.engineClients.rest;
    const review = await openTask('Task_XemXetDangKy');
    await rest.completeUserTask(
      loose({ userTaskKey: review.userTaskKey, variables: { quyetDinh: 'tiep-nhan' } }),
    );
    const results = await openTask('Task_BaoCaoKetQua');
    await rest.completeUserTask(
      loose({
        userTaskKey: results.userTaskKey,
        variables: { soNguoiThamGia: 320, soDangVienThamGia: 85, ketQuaDatDuoc: RESULT },
      }),
    );
  });

  it("Ban Tuyên giáo assesses the model with the registration and the unit's results shown", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await openAndClaim(page, 'Ban Tuyên giáo đánh giá, công nhận mô hình', 'Nguyễn Thị Lan');
    const shown = (await page.locator('.fjs-form').textContent()) ?? '';
    for (const text of [
      NAME,
      HOW,
      RESULT,
      'Số người tham gia: 320, trong đó đảng viên: 85',
      // Fields left empty are said so.
      'Bài học kinh nghiệm: không ghi',
    ])
      expect(shown).toContain(text);
    expect(shown).not.toContain('**');
    await page.getByRole('radio', { name: 'Công nhận mô hình "Dân vận khéo"' }).check();
    await screenshot(page, 'dan-van-kheo-03-assessment-shows-results');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
