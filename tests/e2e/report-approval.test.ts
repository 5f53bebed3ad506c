/**
 * Issue 5: a six-monthly report period of the real process `bao-cao-dan-van` (Điều 10.2, 11.3 Quy chế công tác Dân
 * vận), driven in Chromium through the whole service as `npm start` runs it (engine, workers, inbox, process start):
 * Ban Tuyên giáo opens the period, the base organisation's staff drafts the report, its head approves it, Ban Tuyên
 * giáo accepts it, and the accepted report is filed.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { DEMO_PASSWORD } from './support/people.js';
import { builtWebRoutes } from './support/built-web-routes.js';
import { formatDate } from '../../src/shared/vn-date.js';
import { suiteDay } from '../support/suite-clock.js';
import { eventually, startTestService, useBeforeAll } from '../support/harness/index.js';

const stack = useBeforeAll(async () => startTestService({ extraRoutes: builtWebRoutes(await buildWeb()) }));
const browser = useBeforeAll(launchBrowser);

const UNIT = 'Đảng bộ Sở Tài chính';
const PROCESS = 'Báo cáo kết quả công tác dân vận (6 tháng, năm)';
const people = {
  starter: { username: 'btg.canbo', fullName: 'Nguyễn Thị Lan' },
  drafter: { username: 'sotaichinh.canbo', fullName: 'Trần Thị Ngọc' },
  head: { username: 'sotaichinh.lanhdao', fullName: 'Đặng Văn Bình' },
} as const;

/** For expect.poll: as long as one action may take on a busy machine. */
const PATIENCE = { timeout: 20_000, interval: 100 };

/** A date `days` from the suite's today in Viet Nam: ISO, and typed as the date field shows it (dd/MM/yyyy). */
function vietnamDate(days: number): { iso: string; typed: string } {
  const iso = suiteDay(days);
  return { iso, typed: formatDate(iso) };
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

/**
 * Opens the unit's task from the inbox tab "Chưa ai nhận": the workers create tasks a moment after the step before,
 * so the list is loaded again (as a user presses F5) until the row is there, each time after its answer arrived.
 */
async function openFromInbox(page: Page, taskName: string, shot: string): Promise<void> {
  const listed = () =>
    page.waitForResponse(
      (response) => response.url().includes('/api/inbox/tasks') && response.url().includes('scope=unclaimed'),
    );
  const row = page
    .getByRole('row')
    .filter({ hasText: UNIT })
    .filter({ has: page.getByRole('link', { name: taskName, exact: true }) });
  let answered = listed();
  await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
  await answered;
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        answered = listed();
        await page.reload();
        await answered;
        return (await row.count()) > 0;
      },
      { timeout: 40_000, interval: 500 },
    )
    .toBe(true);
  expect(await row.textContent()).toContain(PROCESS);
  expect(await row.textContent()).toContain(`6 tháng đầu năm ${run.year}`);
  await screenshot(page, shot);
  await row.getByRole('link', { name: taskName, exact: true }).click();
  await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

/** Claims the open task; the task's facts then name the user as its holder, by full name. */
async function claim(page: Page, fullName: string): Promise<void> {
  await page.getByRole('button', { name: 'Nhận việc' }).click();
  await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
  await page.locator('.fjs-form').waitFor();
  const facts = page.getByRole('complementary').locator('dl');
  await expect.poll(() => facts.textContent(), PATIENCE).toContain(`Người thực hiện${fullName}`);
}

/** The input of this label, as a user finds it. */
function input(page: Page, label: string): Locator {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** The form-js field around the input of this label (the innermost, not its group). */
function field(page: Page, label: string): Locator {
  return input(page, label).locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]",
  );
}

async function fieldErrors(page: Page, label: string): Promise<string> {
  return (await field(page, label).locator('.fjs-form-field-error').allTextContents()).join(' ');
}

/** Types a value into a field and leaves it; form-js takes it at once (no debounce: web/src/features/forms). */
async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = input(page, label);
  await field.fill(value);
  await field.blur();
  expect(await field.inputValue()).toBe(value);
}

/** Completes the task, then goes back to the list, where the user holds no task any more. */
async function complete(page: Page, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await page.getByText('Đã hoàn thành công việc.').waitFor();
  expect(await page.locator('.fjs-form').count()).toBe(0);
  if (shot) await screenshot(page, shot);
  await page.getByRole('link', { name: 'Về danh sách việc', exact: true }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  await expect
    .poll(() => page.getByRole('button', { name: /Việc của tôi/ }).textContent(), PATIENCE)
    .toMatch(/tôi\s*0$/);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.context().close();
}

/** The report's texts as the drafter typed them, shown in read-only fields of the review form (issue 16). */
const REPORT_TEXTS: Record<string, string> = {
  'Nội dung quán triệt, tuyên truyền chủ yếu':
    'Quán triệt Quy chế công tác dân vận của hệ thống chính trị đến toàn thể đảng viên.',
  'Kết quả thực hiện Quy chế dân chủ ở cơ sở':
    'Công khai tài chính, tổ chức hội nghị cán bộ, công chức đúng quy định.',
  'Tình hình tư tưởng, tâm tư, nguyện vọng':
    'Cán bộ, đảng viên yên tâm công tác, tin tưởng vào sự lãnh đạo của Đảng.',
  'Kiến nghị, đề xuất': 'Đề nghị tổ chức tập huấn nghiệp vụ công tác dân vận.',
};

async function expectShownReadOnly(page: Page): Promise<void> {
  for (const [label, text] of Object.entries(REPORT_TEXTS)) {
    const shown = input(page, label);
    expect(await shown.inputValue(), label).toBe(text);
    expect(await shown.isEditable(), `${label} is read-only`).toBe(false);
  }
}

/** What the steps hand on to each other (they run in order, as the process does). */
const run = {
  due: vietnamDate(21),
  collection: vietnamDate(35),
  year: Number(vietnamDate(0).iso.slice(0, 4)),
  processInstanceKey: undefined as string | undefined,
};

describe('a six-monthly report of a base organisation, from the opening of the period to its acceptance', () => {
  it('Ban Tuyên giáo opens the six-monthly period on the start page, with deadlines ahead', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.starter.username);
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.getByRole('button', { name: 'Khởi tạo: Báo cáo công tác dân vận' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByRole('radio', { name: '6 tháng đầu năm' }).check();
    await fill(page, 'Năm', String(run.year));
    await fill(page, 'Hạn gửi báo cáo', run.due.typed);
    await fill(page, 'Hạn kết thúc thu thập', run.collection.typed);
    await fill(page, 'Nhắc hạn trước (ngày)', '5');
    await screenshot(page, 'report-01-start-period');
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã khởi tạo quy trình' });
    await done.waitFor();
    // The confirmation names the period started, never the engine's number for it.
    expect(await done.textContent()).toContain(`kỳ báo cáo 6 tháng đầu năm ${run.year}`);
    expect(await done.textContent()).not.toMatch(/\d{6,}/);
    // The instance, for the checks at the end, as the engine lists it (the only one of this process in this stack).
    // The engine's reads may show it a moment later (as on Camunda).
    const found = await eventually(async () => {
      const listed = await stack.service.engineClients.rest.searchProcessInstances(
        { filter: { processDefinitionId: 'bao-cao-dan-van' } } as never,
        { consistency: { waitUpToMs: 0 } },
      );
      expect(listed.items).toHaveLength(1);
      return listed;
    });
    run.processInstanceKey = String(found.items[0]?.processInstanceKey ?? '');
    expect(found.items).toHaveLength(1);
    expect(run.processInstanceKey).toMatch(/^\d+$/);
    await signOut(page);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("Sở Tài chính's staff finds the report task, is refused a negative count and a local phone number on those fields, corrects them and sends", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.drafter.username);
    await openFromInbox(page, 'Lập báo cáo', 'report-02-inbox-staff');
    await screenshot(page, 'report-03-draft-opened');
    // The form cannot be typed into before the task is claimed; once claimed, the first figure can.
    expect(await input(page, 'Số hội nghị, buổi quán triệt, tuyên truyền').isEditable()).toBe(false);
    await claim(page, people.drafter.fullName);
    await fill(page, 'Số hội nghị, buổi quán triệt, tuyên truyền', '12');
    const intro = (await page.locator('.fjs-form').textContent()) ?? '';
    expect(intro).toContain(UNIT);
    expect(intro).toContain(`6 tháng đầu năm ${run.year}`);
    const context = (await page.getByRole('complementary').textContent()) ?? '';
    expect(context).toContain(UNIT);
    expect(context).toContain(`6 tháng đầu năm ${run.year}`);

    await fill(page, 'Số lượt cán bộ, đảng viên, người lao động tham dự', '850');
    await fill(
      page,
      'Nội dung quán triệt, tuyên truyền chủ yếu',
      'Quán triệt Quy chế công tác dân vận của hệ thống chính trị đến toàn thể đảng viên.',
    );
    await fill(page, 'Số hội nghị cán bộ, công chức, viên chức, người lao động', '2');
    await fill(
      page,
      'Kết quả thực hiện Quy chế dân chủ ở cơ sở',
      'Công khai tài chính, tổ chức hội nghị cán bộ, công chức đúng quy định.',
    );
    await fill(page, 'Số mô hình "Dân vận khéo"', '-3');
    await fill(
      page,
      'Tình hình tư tưởng, tâm tư, nguyện vọng',
      'Cán bộ, đảng viên yên tâm công tác, tin tưởng vào sự lãnh đạo của Đảng.',
    );
    await fill(page, 'Số lượt tiếp công dân', '15');
    await fill(page, 'Số đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh đã tiếp nhận', '4');
    await fill(page, 'Số đơn thư đã giải quyết', '3');
    await fill(page, 'Kiến nghị, đề xuất', 'Đề nghị tổ chức tập huấn nghiệp vụ công tác dân vận.');
    await fill(page, 'Họ và tên người lập', people.drafter.fullName);
    // A number one digit short; the local way of writing numbers (0912 345 678) is accepted below.
    await fill(page, 'Điện thoại liên hệ', '091234567');
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect
      .poll(() => fieldErrors(page, 'Số mô hình "Dân vận khéo"'), PATIENCE)
      .toContain('Giá trị phải lớn hơn hoặc bằng 0.');
    expect(await fieldErrors(page, 'Điện thoại liên hệ')).toContain('Số điện thoại không hợp lệ');
    // Only the refused fields are marked, and nothing of form-js's English is left.
    expect(await fieldErrors(page, 'Số lượt tiếp công dân')).toBe('');
    expect((await page.locator('.fjs-form').textContent()) ?? '').not.toMatch(/Field must|Field is/);
    await screenshot(page, 'report-04-draft-refused');

    await fill(page, 'Số mô hình "Dân vận khéo"', '3');
    await fill(page, 'Điện thoại liên hệ', '0912 345 678');
    // Three models counted and none listed: the form's own rule between fields is said on that field in Vietnamese
    // as soon as the figure is typed, before sending (the server enforces the same rule: issue 16, Deliver 3).
    await expect
      .poll(() => fieldErrors(page, 'Số mô hình "Dân vận khéo"'), PATIENCE)
      .toContain('phải bằng số mô hình được liệt kê');
    expect(await fieldErrors(page, 'Điện thoại liên hệ')).toBe('');
    await screenshot(page, 'report-04b-draft-rule-refused');
    await fill(page, 'Số mô hình "Dân vận khéo"', '0');
    await expect.poll(() => fieldErrors(page, 'Số mô hình "Dân vận khéo"'), PATIENCE).toBe('');
    await complete(page, 'report-05-draft-sent');
    await signOut(page);
    // Said before sending: no refused submission reached the server.
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("Sở Tài chính's head sees the figures and approves", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.head.username);
    await openFromInbox(page, 'Trưởng đơn vị duyệt', 'report-06-inbox-head');
    await claim(page, people.head.fullName);
    const toApprove = (await page.locator('.fjs-form').textContent()) ?? '';
    expect(toApprove).toContain('850');
    // Issue 16, reviewers see what they judge: the report's texts, read-only, as the drafter wrote them.
    await expectShownReadOnly(page);
    await screenshot(page, 'review-01-head-sees-report');
    // The decision is a radio group named by its question; the real review form has no serious a11y violation.
    const groups = page.getByRole('radiogroup');
    expect(await groups.count()).toBeGreaterThan(0);
    expect(await groups.first().getAttribute('aria-labelledby')).toBeTruthy();
    expect(await seriousViolations(page, 'task page (head review, real form)')).toEqual([]);
    await page.getByRole('radio', { name: 'Đồng ý gửi Ban Tuyên giáo' }).check();
    await screenshot(page, 'report-07-head-approves');
    await complete(page);
    await signOut(page);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it("Ban Tuyên giáo finds Sở Tài chính's report and accepts it; it is filed and the period goes on for the other units", async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.starter.username);
    await openFromInbox(page, 'Ban Tuyên giáo xem xét', 'report-08-inbox-btg');
    await claim(page, people.starter.fullName);
    expect((await page.locator('.fjs-form').textContent()) ?? '').toContain('850');
    await expectShownReadOnly(page);
    await screenshot(page, 'review-02-btg-sees-report');
    await page.getByRole('radio', { name: 'Tiếp nhận' }).check();
    await fill(page, 'Nhận xét của Ban Tuyên giáo', 'Báo cáo đầy đủ, đúng hạn.');
    await screenshot(page, 'report-09-btg-accepts');
    await complete(page, 'report-10-btg-accepted');
    expect(unexpectedErrors(errors)).toEqual([]);

    // The accepted report is filed for the synthesis, with the corrected figures and Ban Tuyên giáo's remark…
    const { processInstanceKey } = run;
    const periodCode = `${run.year}-6T`;
    await expect
      .poll(async () => (await stack.records.reportsOf('bao-cao-dan-van', periodCode)).length, PATIENCE)
      .toBe(1);
    const [report] = await stack.records.reportsOf('bao-cao-dan-van', periodCode);
    expect(report).toMatchObject({
      unitCode: 'so-tai-chinh',
      unitName: UNIT,
      processInstanceKey,
      quaHan: false,
      nhanXetBanTuyenGiao: 'Báo cáo đầy đủ, đúng hạn.',
      baoCao: {
        soLuotThamDu: 850,
        soMoHinhDanVanKheo: 0,
        dienThoaiLienHe: '0912 345 678',
        nguoiLap: people.drafter.fullName,
      },
    });
    // …while the period stays open for the other units, with none of Sở Tài chính's tasks left, and the deadline
    // is the one typed on the start form.
    const rest = stack.service.engineClients.rest;
    const loose = <T>(value: T): never => value as never;
    const noWait = { consistency: { waitUpToMs: 0 } };
    const instance = await rest.getProcessInstance(loose({ processInstanceKey }), noWait);
    expect(instance.state).toBe('ACTIVE');
    const open = await rest.searchUserTasks(
      loose({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 100 } }),
      noWait,
    );
    const openTasks = open.items as unknown as { elementId: string; candidateGroups?: string[] }[];
    expect(openTasks.length).toBeGreaterThan(1);
    expect(openTasks.every((task) => task.elementId === 'Task_LapBaoCao')).toBe(true);
    expect(openTasks.some((task) => task.candidateGroups?.includes('co-so:so-tai-chinh'))).toBe(false);
    // A variable the engine's reads have not met yet shows a moment later (ENGINE_PROFILE=camunda-8.8, as on Camunda).
    await eventually(async () => {
      const dueDate = await rest.searchVariables(
        loose({ filter: { processInstanceKey, name: 'reportDueDate' } }),
        noWait,
      );
      expect(dueDate.items.map((item) => JSON.parse(String(item.value)) as unknown)).toContain(
        `${run.due.iso}T17:00:00+07:00`,
      );
    });
  });
});
