/**
 * Điều 10.3 Quy chế công tác Dân vận (926-QĐ/ĐUK), in Chromium through the whole service as `npm start` runs it: a base
 * organisation's staff reports an urgent matter on the start page (the rule between its figures said on the field
 * before sending), Thường trực directs its handling with the report in front of it, and reviews the units' handling
 * reports — each reviewer's form shows what it judges (issue 16, Deliver 2). The steps in between (Văn phòng's notice,
 * the units' reports) are completed through the engine's API: their forms are covered by tests/scenarios.
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
const TITLE = 'Người lao động Công ty Xổ số ngừng việc tập thể';
const FACTS = '45 người lao động ngừng việc, kiến nghị về việc chậm trả lương tháng 4 và tháng 5.';
const MEASURES = 'Đảng ủy đã gặp gỡ, đối thoại với người lao động; đề nghị Giám đốc công ty giải trình.';
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

describe('an urgent report of a base organisation (Art. 10.3), in the browser', () => {
  it("Sở Tài chính's staff reports on the start page; disagreeing figures are refused on their field before sending", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'sotaichinh.canbo');
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('button', { name: 'Khởi tạo: Báo cáo đột xuất' }).click();
    await page.locator('.fjs-form').waitFor();
    await fill(page, 'Trích yếu vụ việc', TITLE);
    await page.getByRole('checkbox', { name: 'Người lao động' }).check();
    await page.getByRole('checkbox', { name: 'Đảng viên' }).check();
    await page.getByRole('radio', { name: 'Thượng khẩn' }).check();
    await fill(page, 'Ngày xảy ra', formatDate(suiteDay(-1)));
    await fill(page, 'Nội dung, diễn biến sự việc', FACTS);
    await fill(page, 'Số người liên quan', '45');
    await fill(page, 'Trong đó số đảng viên', '46');
    await fill(page, 'Biện pháp cấp ủy đã xử lý', MEASURES);
    await fill(page, 'Đề nghị chỉ đạo trước ngày', formatDate(suiteDay(3)));
    await fill(page, 'Họ và tên người báo cáo', 'Trần Thị Ngọc');
    await fill(page, 'Chức vụ người báo cáo', 'Phó Bí thư Đảng ủy Sở Tài chính');
    await fill(page, 'Điện thoại liên hệ', '0912 345 678');
    await expect
      .poll(() => fieldErrors(page, 'Trong đó số đảng viên'), PATIENCE)
      .toContain('Số đảng viên liên quan không được lớn hơn số người liên quan.');
    await screenshot(page, 'urgent-01-report-rule-refused');
    await fill(page, 'Trong đó số đảng viên', '3');
    await expect.poll(() => fieldErrors(page, 'Trong đó số đảng viên'), PATIENCE).toBe('');
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã khởi tạo quy trình' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`báo cáo đột xuất “${TITLE}”`);
    await screenshot(page, 'urgent-02-report-sent');
    const found = await eventually(async () => {
      const listed = await stack.service.engineClients.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'bao-cao-dot-xuat' } }),
        noWait,
      );
      expect(listed.items).toHaveLength(1);
      return listed;
    });
    run.processInstanceKey = String(found.items[0]?.processInstanceKey ?? '');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("Thường trực directs with the unit's report in front of it", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'thuongtruc.canbo');
    await openAndClaim(page, 'Thường trực chỉ đạo xử lý', 'Lê Thị Thu');
    const shown = (await page.locator('.fjs-form').textContent()) ?? '';
    for (const text of [
      TITLE,
      FACTS,
      MEASURES,
      'Thượng khẩn',
      formatDate(suiteDay(-1)),
      formatDate(suiteDay(3)),
    ])
      expect(shown).toContain(text);
    await screenshot(page, 'urgent-03-directive-shows-report');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);

    // The direction itself (a unit chosen in a searchable list) and the steps up to the review, through the API.
    const rest = stack.service.engineClients.rest;
    const directive = await openTask('Task_ChiDao');
    await rest.completeUserTask(
      loose({
        userTaskKey: directive.userTaskKey,
        variables: {
          huongXuLy: 'giao-xu-ly',
          yKienChiDao: 'Đảng ủy Sở Tài chính chủ trì đối thoại, giải quyết dứt điểm tiền lương.',
          phanCong: [
            {
              donViXuLy: 'co-so:so-tai-chinh',
              noiDungGiao: 'Đối thoại, giải quyết tiền lương.',
              hanXuLy: suiteDay(5),
            },
          ],
        },
      }),
    );
    const notice = await openTask('Task_BanHanh');
    await rest.completeUserTask(
      loose({
        userTaskKey: notice.userTaskKey,
        variables: {
          soKyHieu: '21-TB/ĐUK',
          ngayBanHanh: suiteDay(0),
          nguoiKy: 'Vũ Đức Long',
          chucVuNguoiKy: 'Chánh Văn phòng',
        },
      }),
    );
    const handling = await openTask('Task_BaoCaoXuLy');
    await rest.completeUserTask(
      loose({
        userTaskKey: handling.userTaskKey,
        variables: {
          tinhTrang: 'dang-xu-ly',
          ketQuaXuLy: 'Đã đối thoại; công ty cam kết trả lương tháng 4.',
          khoKhanVuongMac: 'Công ty chưa có nguồn trả lương tháng 5.',
        },
      }),
    );
  });

  it('Thường trực reviews the handling: the report, the direction and each unit’s report by name', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'thuongtruc.canbo');
    await openAndClaim(page, 'Thường trực xem xét kết quả xử lý', 'Lê Thị Thu');
    const shown = (await page.locator('.fjs-form').textContent()) ?? '';
    for (const text of [
      TITLE,
      FACTS,
      'Đảng ủy Sở Tài chính chủ trì đối thoại, giải quyết dứt điểm tiền lương.',
      `${UNIT} (đang xử lý, hạn ${formatDate(suiteDay(5))})`,
      'Đã đối thoại; công ty cam kết trả lương tháng 4.',
      'Công ty chưa có nguồn trả lương tháng 5.',
      // Fields the unit left empty are said so.
      'Nơi xảy ra: không ghi',
    ])
      expect(shown).toContain(text);
    // Computed texts are plain: no markdown left over.
    expect(shown).not.toContain('**');
    await page.getByRole('radio', { name: 'Chỉ đạo tiếp' }).check();
    await input(page, 'Ý kiến chỉ đạo tiếp').waitFor();
    await screenshot(page, 'urgent-04-review-shows-handling');
    await page.context().close();
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
