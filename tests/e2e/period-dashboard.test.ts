/**
 * Issue 15, points 4 and 5: the compliance dashboard of a reporting period of `bao-cao-dan-van` (Điều 10.2, 11.3
 * Quy chế công tác Dân vận; Ban Tuyên giáo follows the units and their "vấn đề nổi cộm, bức xúc", Điều 5.3), and the
 * documents list, in Chromium against the whole service. The units' steps are driven through the engine's REST API
 * as the inbox would complete them; what is checked is what the supervisors and Ban Tuyên giáo see.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/app/periods/index.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { reportOf, DRAFT, ISSUE } from '../scenarios/support/report-fixture.js';
import { suiteDay, suiteNow } from '../support/suite-clock.js';
import {
  ControllableClock,
  eventually,
  loose,
  noWait,
  startTestService,
  useBeforeAll,
} from '../support/harness/index.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { builtWebRoutes } from './support/built-web-routes.js';
import { DEMO_PASSWORD } from './support/people.js';

const clock = new ControllableClock(suiteNow().toISOString());
const stack = useBeforeAll(async () =>
  startTestService({ clock, extraRoutes: builtWebRoutes(await buildWeb()) }),
);
const browser = useBeforeAll(launchBrowser);

const YEAR = Number(suiteDay(0).slice(0, 4));
const LABEL = `6 tháng đầu năm ${YEAR}`;
const ACCEPTED = { code: 'so-tai-chinh', name: 'Đảng bộ Sở Tài chính' };
const SUBMITTED = { code: 'benh-vien-da-khoa-tinh', name: 'Đảng bộ Bệnh viện Đa khoa tỉnh' };
const RETURNED = { code: 'cong-ty-xi-mang-tan-quang', name: 'Chi bộ Công ty Cổ phần Xi măng Tân Quang' };
const PRESSING = 'Người lao động bức xúc vì chậm chi trả chế độ thai sản.';
const PHONE = { width: 360, height: 780 };
const run = { pik: '' };

const rest = () => stack.service.engineClients.rest;

/** Waits for the open task of this element (offered to this group, when given) and completes it. */
async function complete(
  elementId: string,
  variables: Record<string, unknown>,
  group?: string,
): Promise<void> {
  const task = await eventually(async () => {
    const found = await rest().searchUserTasks(
      loose({ filter: { processInstanceKey: run.pik, elementId, state: 'CREATED' }, page: { limit: 100 } }),
      noWait,
    );
    const match = (found.items as { userTaskKey: string; candidateGroups?: string[] }[]).find(
      (t) => !group || (t.candidateGroups ?? []).includes(group),
    );
    expect(match, `${elementId} for ${group ?? 'anyone'}`).toBeDefined();
    return match!;
  }, 60_000);
  await rest().completeUserTask(loose({ userTaskKey: task.userTaskKey, variables }));
  await eventually(async () => {
    const still = await rest().searchUserTasks(
      loose({ filter: { userTaskKey: task.userTaskKey, state: 'CREATED' } }),
      noWait,
    );
    expect(still.items).toHaveLength(0);
  });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Signed in: the shell names the user (each lands on their own home: staff on the inbox, giamsat on the dashboard).
  await page.getByTestId('user-name').waitFor();
}

const statusOf = (page: Page, unitCode: string) =>
  page.locator(`tr[data-unit="${unitCode}"] .status-tag[data-status]`).getAttribute('data-status');

describe('the compliance dashboard of a reporting period (Art. 10.2, 11.3, 5.3)', () => {
  it('three units in three states: accepted, submitted (with a pressing issue), returned by the head', async () => {
    const created = await stack.service.engineClients.zeebe.createProcessInstance({
      bpmnProcessId: 'bao-cao-dan-van',
      variables: {
        loaiKy: '6-thang',
        nam: YEAR,
        hanNopBaoCao: suiteDay(21),
        hanThuThap: suiteDay(35),
        soNgayNhacTruoc: 5,
      },
    });
    run.pik = String(created.processInstanceKey);
    const group = (code: string) => `co-so:${code}`;
    await complete('Task_LapBaoCao', reportOf(1), group(ACCEPTED.code));
    await complete('Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group(ACCEPTED.code)}:lanh-dao`);
    await complete('Task_BtgXemXet', { quyetDinh: 'tiep-nhan', nhanXet: 'Báo cáo đầy đủ.' });
    await eventually(async () =>
      expect(await stack.records.reportsOf('bao-cao-dan-van', `${YEAR}-6T`)).toHaveLength(1),
    );

    await complete(
      'Task_LapBaoCao',
      reportOf(2, { coVanDeBucXuc: true, vanDeBucXuc: PRESSING }),
      group(SUBMITTED.code),
    );
    await complete('Task_TruongDonViDuyet', { quyetDinh: 'dong-y' }, `${group(SUBMITTED.code)}:lanh-dao`);

    await complete('Task_LapBaoCao', reportOf(3), group(RETURNED.code));
    await complete(
      'Task_TruongDonViDuyet',
      { quyetDinh: 'tra-lai', yKienTraLai: 'Bổ sung số liệu tiếp công dân.' },
      `${group(RETURNED.code)}:lanh-dao`,
    );
  }, 180_000);

  it('giamsat sees each unit in its state, the totals as bars, and each number opens the list behind it', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(new URL(response.url()).pathname);
    });
    await signIn(page, 'giamsat');
    await page.getByRole('link', { name: 'Tình hình thực hiện' }).click();
    await page.getByRole('heading', { name: 'Tình hình thực hiện các kỳ' }).waitFor();
    await screenshot(page, 'period-01-list');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'period-01-list-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
    // The period started through the engine above may not show in its reads yet (as on Camunda): reload, as a user would.
    const periodLink = page.getByRole('link', { name: LABEL });
    await expect
      .poll(
        async () => {
          if ((await periodLink.count()) === 0) {
            await page.reload();
            await page.locator('table, .empty').first().waitFor();
          }
          return periodLink.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    await periodLink.click();
    await page.getByRole('heading', { name: `Tình hình thực hiện ${LABEL}` }).waitFor();
    // The dashboard reads the engine's searches, which show what they first meet 1–2 s later under
    // ENGINE_PROFILE=camunda-8.8 (as on Camunda): reload, as a user would, until every unit's status has arrived.
    const shownStatus = async (code: string) =>
      (await page.locator(`tr[data-unit="${code}"] .status-tag[data-status]`).count()) > 0
        ? statusOf(page, code)
        : null;
    const shown = async () => ({
      statuses: [
        await shownStatus(RETURNED.code),
        await shownStatus(ACCEPTED.code),
        await shownStatus(SUBMITTED.code),
      ],
      pressing: (await page.locator('#period-pressing ~ ul').count()) > 0,
    });
    const expected = { statuses: ['returned', 'accepted', 'submitted'], pressing: true };
    await expect
      .poll(
        async () => {
          const now = await shown();
          if (JSON.stringify(now) !== JSON.stringify(expected)) {
            await page.reload();
            await page.getByRole('heading', { name: `Tình hình thực hiện ${LABEL}` }).waitFor();
            await page.locator('tr[data-unit]').first().waitFor();
          }
          return now;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(expected);
    await expect.poll(() => statusOf(page, RETURNED.code), { timeout: 20_000 }).toBe('returned');
    expect(await statusOf(page, ACCEPTED.code)).toBe('accepted');
    expect(await statusOf(page, SUBMITTED.code)).toBe('submitted');
    expect(await page.locator(`tr[data-unit="${RETURNED.code}"]`).textContent()).toContain(
      'trưởng đơn vị trả lại',
    );
    // Who holds each step, as people say it: the returned report is back with its unit's committee, the sent one
    // with Ban Tuyên giáo, and the accepted one with nobody.
    const holder = (code: string) =>
      page.locator(`tr[data-unit="${code}"] td[data-label="Người đang giữ"]`).textContent();
    expect(await holder(RETURNED.code)).toBe(RETURNED.name);
    expect(await holder(SUBMITTED.code)).toBe('Ban Tuyên giáo Đảng ủy Khối');
    expect(await holder(ACCEPTED.code)).toBe('');
    // The accepted report was sent the day its head approved it.
    expect(
      await page.locator(`tr[data-unit="${ACCEPTED.code}"] td[data-label="Ngày gửi"]`).textContent(),
    ).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // The others have not started; the totals add up.
    const count = async (code: string) =>
      Number(await page.locator(`.status-bars__count[data-status="${code}"]`).textContent());
    const units = await page.locator('tr[data-unit]').count();
    expect(units).toBeGreaterThan(10);
    expect(await count('accepted')).toBe(1);
    expect(await count('submitted')).toBe(1);
    expect(await count('returned')).toBe(1);
    expect(await count('not-started')).toBe(units - 3);
    expect(await page.locator('#period-pressing ~ ul').textContent()).toContain(PRESSING);
    expect(await seriousViolations(page, 'period dashboard')).toEqual([]);
    await screenshot(page, 'period-02-dashboard');

    await page.locator('.status-bars__item.status--accepted a').click();
    await page.getByText('Đang lọc: Đã tiếp nhận (1 đơn vị)').waitFor();
    expect(page.url()).toContain('?status=accepted');
    expect(await page.locator('tr[data-unit]').count()).toBe(1);
    expect(await statusOf(page, ACCEPTED.code)).toBe('accepted');
    await page.setViewportSize(PHONE);
    await page.locator('.status-bars__item.status--returned a').click();
    await page.getByText('Đang lọc: Trả lại để hoàn thiện (1 đơn vị)').waitFor();
    await screenshot(page, 'period-03-dashboard-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1000, height: 1400 });
    expect(await page.getByRole('button', { name: 'In' }).isVisible()).toBe(false);
    await screenshot(page, 'period-04-print');
    // A supervisor takes no tasks: the inbox they land on after sign-in refuses them (not this page's concern).
    expect(refused.filter((path) => !path.startsWith('/api/inbox/'))).toEqual([]);
    expect(
      unexpectedErrors(errors).filter((e) => !/status of 403\b/.test(e) || refused.length === 0),
    ).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the .xlsx export lists every unit with its status, and its totals', async () => {
    const { page } = await openPage(browser, stack.url);
    await signIn(page, 'giamsat');
    await page.goto(`/monitor/periods/${run.pik}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Tinh-hinh-6-thang-dau-nam-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await readFile((await download.path())!)).buffer);
    const sheet = workbook.getWorksheet('Đơn vị')!;
    expect(String(sheet.getCell('A1').value)).toBe(`Tình hình thực hiện ${LABEL}`);
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 4) rows.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
    });
    expect(rows.get(ACCEPTED.name)?.[2]).toBe('Đã tiếp nhận');
    expect(rows.get(SUBMITTED.name)?.[2]).toBe('Đã gửi, chờ tiếp nhận');
    expect(rows.get(SUBMITTED.name)?.[9]).toBe(PRESSING);
    expect(rows.get(RETURNED.name)?.[2]).toBe('Trả lại để hoàn thiện (trưởng đơn vị trả lại)');
    const totals = workbook.getWorksheet('Tổng hợp')!;
    const byName = new Map<string, number>();
    totals.eachRow((row) => byName.set(String(row.getCell(1).value), Number(row.getCell(2).value)));
    expect(byName.get('Đã tiếp nhận')).toBe(1);
    expect(byName.get('Tổng số')).toBe(rows.size);
    await page.context().close();
  }, 60_000);

  it("btg.canbo reads a unit's accepted report read only, from the dashboard", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await page.goto(`/monitor/periods/${run.pik}`);
    await page
      .locator(`tr[data-unit="${ACCEPTED.code}"]`)
      .getByRole('link', { name: /Xem báo cáo/ })
      .click();
    await page.getByRole('heading', { name: `Báo cáo của ${ACCEPTED.name}` }).waitFor();
    await page.locator('.fjs-form').waitFor();
    const kienNghi = page.getByRole('textbox', { name: /Kiến nghị, đề xuất/ });
    await expect.poll(() => kienNghi.inputValue()).toContain('Kiến nghị số 1');
    expect(await kienNghi.isEditable()).toBe(false);
    await screenshot(page, 'period-05-report');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'period-05-report-phone');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('after the collection closes the others are missing, and btg.canbo downloads the synthesis .docx', async () => {
    clock.set(new Date(Date.parse(`${suiteDay(36)}T03:00:00Z`)));
    // Sent on time, not yet reviewed at the cut-off: Ban Tuyên giáo still reviews it, and it counts (issue 16).
    await complete('Task_BtgXemXetSauHan', { nhanXet: 'Tiếp nhận sau hạn thu thập.' });
    await complete('Task_DuThaoTongHop', DRAFT);
    await complete('Task_DuyetTongHop', { quyetDinh: 'dong-y' });
    await complete('Task_BanHanh', ISSUE);
    await eventually(
      async () =>
        expect(await stack.records.documentHeaders({ processInstanceKey: run.pik })).toHaveLength(1),
      60_000,
    );

    const { page } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await page.goto(`/monitor/periods/${run.pik}`);
    await page.getByRole('heading', { name: 'Văn bản của kỳ' }).waitFor();
    expect(await statusOf(page, ACCEPTED.code)).toBe('accepted');
    expect(await statusOf(page, SUBMITTED.code)).toBe('accepted');
    expect(await statusOf(page, RETURNED.code)).toBe('missing');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Tải .docx ${ISSUE.soKyHieu}` }).click(),
    ]);
    const docx = openDocx(await readFile((await download.path())!));
    expect(docx.text).toContain('tổng hợp kết quả công tác dân vận 6 tháng đầu năm');
    await screenshot(page, 'period-06-closed');
    await page.context().close();
  }, 180_000);

  it('a clerk gets 403 on the dashboard API and sees only their own unit’s documents', async () => {
    const at = clock.now();
    await stack.records.saveDocument(
      {
        key: 'test-own',
        mauVanBan: 'quyet-dinh-khen-thuong',
        tenTep: 'Quyet-dinh-1.docx',
        soKyHieu: '1-QĐ/ĐUK',
        processInstanceKey: '1',
        audienceGroups: null,
        meta: {
          processId: 'danh-gia-khen-thuong',
          periodCode: `${YEAR}`,
          periodLabel: `năm ${YEAR}`,
          units: [ACCEPTED],
          ngayBanHanh: suiteDay(0),
        },
        content: Buffer.from('PK'),
      },
      new Date(at),
    );
    await stack.records.saveDocument(
      {
        key: 'test-other',
        mauVanBan: 'quyet-dinh-khen-thuong',
        tenTep: 'Quyet-dinh-2.docx',
        soKyHieu: '2-QĐ/ĐUK',
        processInstanceKey: '2',
        audienceGroups: null,
        meta: {
          processId: 'danh-gia-khen-thuong',
          periodCode: `${YEAR}`,
          periodLabel: `năm ${YEAR}`,
          units: [SUBMITTED],
          ngayBanHanh: suiteDay(0),
        },
        content: Buffer.from('PK'),
      },
      new Date(at),
    );
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, 'sotaichinh.canbo');
    expect(await page.getByRole('link', { name: 'Tình hình thực hiện' }).count()).toBe(0);
    for (const path of [
      '/api/monitor/periods',
      `/api/monitor/periods/${run.pik}`,
      `/api/monitor/periods/${run.pik}/export.xlsx`,
    ])
      expect((await page.request.get(path)).status(), path).toBe(403);
    await page.getByRole('link', { name: 'Văn bản' }).click();
    await page.getByRole('heading', { name: 'Văn bản', level: 1 }).waitFor();
    await page.getByRole('cell', { name: '1-QĐ/ĐUK', exact: true }).waitFor();
    const table = (await page.locator('table').textContent()) ?? '';
    expect(table).toContain(ACCEPTED.name);
    expect(table).not.toContain('2-QĐ/ĐUK');
    expect(table).not.toContain(ISSUE.soKyHieu);
    expect((await page.request.get('/api/documents/test-other')).status()).toBe(404);
    expect((await page.request.get('/api/documents/test-own')).status()).toBe(200);
    await screenshot(page, 'documents-01-clerk');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'documents-02-clerk-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('Ban Tuyên giáo sees every document of the Bloc, with the PDF as LibreOffice makes it', async () => {
    const { page } = await openPage(browser, stack.url);
    await signIn(page, 'btg.canbo');
    await page.goto('/documents');
    const row = page.getByRole('row').filter({ hasText: ISSUE.soKyHieu });
    await row.waitFor();
    expect(await row.textContent()).toContain(LABEL);
    expect(await page.getByRole('cell', { name: '2-QĐ/ĐUK', exact: true }).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      row.getByRole('button', { name: `Tải PDF ${ISSUE.soKyHieu}` }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'documents-03-btg');

    // The task page of the period's synthesis lists the document of its instance, with its downloads.
    const drafted = await rest().searchUserTasks(
      loose({ filter: { processInstanceKey: run.pik, elementId: 'Task_DuThaoTongHop' } }),
      noWait,
    );
    const taskKey = String((drafted.items as { userTaskKey: string }[])[0]?.userTaskKey ?? '');
    await page.goto(`/tasks/${taskKey}`);
    const card = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Văn bản của hồ sơ' }) });
    await card.waitFor();
    expect(await card.textContent()).toContain(ISSUE.soKyHieu);
    expect(
      await card.getByRole('link', { name: `Tải .docx ${ISSUE.soKyHieu}` }).getAttribute('href'),
    ).toMatch(/^\/api\/documents\//);
    await screenshot(page, 'documents-04-task-page');
    await page.context().close();
  }, 180_000);
});
