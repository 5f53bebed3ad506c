import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openPage, screenshot, unexpectedErrors } from './support/browser.js';
import { buildWeb } from './support/build-web.js';
import { startInboxStack, type InboxStack } from './support/inbox-stack.js';
import { DEMO_PASSWORD, people } from './support/people.js';

let stack: InboxStack;
let browser: Browser;

beforeAll(async () => {
  const dist = await buildWeb();
  stack = await startInboxStack(dist);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const TASK_NAME = 'Lập báo cáo công tác dân vận';
const UNIT = { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' };
const PERIOD = { code: '2026-6T', label: '6 tháng đầu năm 2026' };
/** The head of Ban Tuyên giáo: in the same group as the clerk, so both may claim the group's tasks. */
const HEAD = { username: 'btg.lanhdao', fullName: 'Hà Văn Tuấn' };

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

/** The id of the newest unclaimed report task, from the inbox API as the signed-in user sees it. */
async function newestTaskId(page: Page): Promise<string> {
  const response = await page.request.get('/api/inbox/tasks?scope=unclaimed&sort=created');
  const body = (await response.json()) as { items: { id: string; name: string; createdAt: string }[] };
  const newest = body.items
    .filter((item) => item.name === TASK_NAME)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0];
  if (!newest) throw new Error('no unclaimed task');
  return newest.id;
}

async function openTask(page: Page, id: string): Promise<void> {
  await page.goto(`/tasks/${id}`);
  await page.locator('.fjs-form').waitFor();
  await expect.poll(() => page.getByText('Đang tải biểu mẫu…').count(), { timeout: 10_000 }).toBe(0);
}

/** The element with the focus, read in the page. */
const activeElement = (page: Page) =>
  page.evaluate<{ tag: string; id: string; text: string; inForm: boolean }>(`(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName ?? '',
      id: element?.id ?? '',
      text: element?.textContent?.trim() ?? '',
      inForm: !!element?.closest('.fjs-form'),
    };
  })()`);

const title = (page: Page) => page.getByLabel('Tiêu đề báo cáo', { exact: false });

describe('the task page as a clerk meets it', () => {
  it('is read-only until claimed, with the claim at the top; the loser of a claim race has typed nothing', async () => {
    await stack.startReport({ unit: UNIT, period: PERIOD });
    const clerk = await openPage(browser, stack.url);
    const head = await openPage(browser, stack.url);
    await signIn(clerk.page, people.staff.username);
    await signIn(head.page, HEAD.username);
    const id = await newestTaskId(clerk.page);
    await openTask(clerk.page, id);
    await openTask(head.page, id);

    // Opening a task puts the focus on its title, not on the page's body.
    expect(await activeElement(clerk.page)).toMatchObject({ tag: 'H1', text: TASK_NAME });
    // The claim comes before the form, and the form cannot be typed into yet.
    const order = await clerk.page.evaluate<number>(`(() => {
      const bar = document.querySelector('.claim-bar');
      const form = document.querySelector('.fjs-form');
      return bar && form ? bar.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    })()`);
    expect(order).toBeTruthy();
    expect(await clerk.page.locator('.claim-bar').textContent()).toContain('Hãy nhận việc để nhập');
    expect(await title(clerk.page).isEditable()).toBe(false);
    await title(clerk.page).click();
    await clerk.page.keyboard.type('gõ trước khi nhận');
    expect(await title(clerk.page).inputValue()).toBe('');
    expect(await clerk.page.getByRole('button', { name: 'Hoàn thành' }).count()).toBe(0);
    await screenshot(clerk.page, 'task-page-before-claim');
    expect(await seriousViolations(clerk.page, 'task page (not claimed)')).toEqual([]);

    // The head claims first; the clerk's claim is refused beside the claim button and the form stays read-only.
    await head.page.getByRole('button', { name: 'Nhận việc' }).click();
    await head.page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
    await expect.poll(() => activeElement(head.page)).toMatchObject({ inForm: true });
    // Un-claiming leaves the focus on "Nhận việc", where the button was.
    await head.page.getByRole('button', { name: 'Hủy nhận việc' }).click();
    await head.page.getByRole('button', { name: 'Nhận việc', exact: true }).waitFor();
    await expect.poll(() => activeElement(head.page)).toMatchObject({ tag: 'BUTTON', text: 'Nhận việc' });
    await head.page.getByRole('button', { name: 'Nhận việc' }).click();
    await head.page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
    await clerk.page.getByRole('button', { name: 'Nhận việc' }).click();
    const refused = clerk.page.locator('.claim-bar [role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('đã có người nhận');
    await expect
      .poll(() => clerk.page.locator('.claim-bar').textContent(), { timeout: 10_000 })
      .toContain(`Người thực hiện: ${HEAD.fullName}`);
    expect(await title(clerk.page).isEditable()).toBe(false);
    expect(await title(clerk.page).inputValue()).toBe('');
    await screenshot(clerk.page, 'task-page-claim-lost');
    expect(await title(head.page).isEditable()).toBe(true);
    expect(unexpectedErrors(clerk.errors).filter((e) => !/status of 409/.test(e))).toEqual([]);
    expect(unexpectedErrors(head.errors)).toEqual([]);
  });

  it('shows messages beside the buttons, sums up the errors and moves the focus to the first; fits 360 px', async () => {
    await stack.startReport({ unit: UNIT, period: PERIOD });
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.staff.username);
    await openTask(page, await newestTaskId(page));
    await page.getByRole('button', { name: 'Nhận việc' }).click();
    await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
    // After claiming, the focus is in the form's first field, ready to type.
    await expect.poll(() => activeElement(page)).toMatchObject({ inForm: true });
    expect(await title(page).isEditable()).toBe(true);

    // An empty "Hoàn thành": a summary beside the buttons, each field a link, the focus on the first field in error.
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    const summary = page.locator('.task-actions .error-summary[role="alert"]');
    await summary.waitFor();
    expect(await summary.locator('.error-summary__title').textContent()).toMatch(
      /^Biểu mẫu còn 3 lỗi cần sửa:$/,
    );
    expect(await summary.locator('li').allTextContents()).toEqual([
      'Tiêu đề báo cáo: Trường này là bắt buộc.',
      'Số mô hình "Dân vận khéo": Trường này là bắt buộc.',
      'Kết luận: Trường này là bắt buộc.',
    ]);
    await expect.poll(async () => (await activeElement(page)).id).toBe(await title(page).getAttribute('id'));
    await summary.getByRole('link', { name: /^Số mô hình/ }).click();
    const count = page.getByLabel('Số mô hình', { exact: false });
    await expect.poll(async () => (await activeElement(page)).id).toBe(await count.getAttribute('id'));
    await screenshot(page, 'task-page-error-summary');
    expect(await seriousViolations(page, 'task page (claimed, errors shown)')).toEqual([]);

    // "Đã lưu nháp" appears next to the buttons, in a live region.
    await title(page).fill('Báo cáo 6 tháng đầu năm 2026');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const saved = page
      .locator('.task-actions__messages[aria-live="polite"]')
      .getByText(/Đã lưu nháp lúc \d\d:\d\d\./);
    await saved.waitFor();
    const [message, buttons] = await Promise.all([
      saved.boundingBox(),
      page.locator('.task-actions__buttons').boundingBox(),
    ]);
    expect(Math.abs((buttons?.y ?? 0) - ((message?.y ?? 0) + (message?.height ?? 0)))).toBeLessThan(60);

    // History per step: each entry names the step it was taken on.
    const panel = page.getByRole('complementary');
    await expect
      .poll(() => panel.locator('.timeline li').first().textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4} · ${TASK_NAME} Nguyễn Thị Lan: Nhận việc$`));
    expect(await page.getByRole('heading', { name: 'Quá trình xử lý' }).count()).toBe(1);
    // The diagram shows the current step inside its frame.
    const step = page.locator('.process-diagram [data-element-id="lapBaoCao"].current-step');
    await step.waitFor();
    const [frame, box] = await Promise.all([
      page.locator('.process-diagram').boundingBox(),
      step.boundingBox(),
    ]);
    expect(box && frame && box.x >= frame.x && box.x + box.width <= frame.x + frame.width).toBe(true);
    expect(box && frame && box.y >= frame.y && box.y + box.height <= frame.y + frame.height).toBe(true);

    // A 360 px phone: nothing wider than the screen, every card and form field inside it.
    await page.setViewportSize({ width: 360, height: 780 });
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { timeout: 10_000 })
      .toBeLessThanOrEqual(360);
    const widest = await page.evaluate<number>(`Math.max(
      ...[...document.querySelectorAll('.card, .fjs-form-field, .claim-bar, .task-actions')].map(
        (element) => element.getBoundingClientRect().right,
      ),
    )`);

    expect(widest).toBeLessThanOrEqual(360);
    // …and no label cut off: each wraps onto as many lines as it needs.
    const clipped = await page.evaluate<string[]>(`[...document.querySelectorAll('.fjs-form-field-label')]
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent)`);

    expect(clipped).toEqual([]);
    await screenshot(page, 'task-page-360');
    expect(await seriousViolations(page, 'task page (360 px)')).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('keeps the unit on a completed task and marks a returned task in the inbox and on its page', async () => {
    await stack.startReport({ unit: UNIT, period: PERIOD, quyetDinh: 'tra-lai' });
    const { page, errors } = await openPage(browser, stack.url);
    await signIn(page, people.staff.username);
    await page.getByRole('button', { name: /Chưa ai nhận/ }).click();
    const returnedRow = page.locator('.task-table tr').filter({ hasText: 'Trả lại để hoàn thiện' });
    await returnedRow.first().waitFor();
    await screenshot(page, 'inbox-returned-task');
    expect(await seriousViolations(page, 'inbox')).toEqual([]);
    await returnedRow.first().getByRole('link', { name: TASK_NAME }).click();
    await page.locator('.returned-note').waitFor();
    expect(await page.locator('.returned-note').textContent()).toContain('Trả lại để hoàn thiện');

    // Completed, the task still says which unit and period it was for; no dash, no ISO date, no raw id.
    await page.locator('.fjs-form').waitFor();
    await page.getByRole('button', { name: 'Nhận việc' }).click();
    await page.getByRole('button', { name: 'Hủy nhận việc' }).waitFor();
    await title(page).fill('Báo cáo sau khi trả lại');
    await page.getByLabel('Số mô hình', { exact: false }).fill('3');
    await page.locator('.fjs-form-field-select .fjs-input-group').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: /^Đạt$/ }).click();
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByText('Đã hoàn thành công việc.').waitFor();
    // The form is gone; the focus is on the way back to the list.
    await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'A', text: 'Về danh sách việc' });
    await page.reload();
    await page.getByText('Công việc này đã kết thúc').waitFor();
    const facts = (await page.getByRole('complementary').locator('dl').textContent()) ?? '';
    expect(facts).toContain(`Đơn vị${UNIT.name}`);
    expect(facts).toContain(`Kỳ báo cáo${PERIOD.label}`);
    const body = (await page.locator('main, body').first().textContent()) ?? '';
    expect(body).not.toMatch(/—\s*$|\d{4}-\d\d-\d\d|\d{10,}/m);
    await screenshot(page, 'task-page-completed-unit');
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('has no serious accessibility violations on the sign-in and start pages', async () => {
    const { page, errors } = await openPage(browser, stack.url);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await seriousViolations(page, 'sign-in')).toEqual([]);
    await signIn(page, people.staff.username);
    await page.getByRole('link', { name: 'Khởi tạo quy trình' }).click();
    await page.locator('.start-list').waitFor();
    expect(await seriousViolations(page, 'start (list)')).toEqual([]);
    await page.getByRole('button', { name: 'Khởi tạo: Báo cáo công tác dân vận' }).click();
    await page.locator('.fjs-form').waitFor();
    // The report kind is a radio group named by its label.
    const group = page.getByRole('radiogroup', { name: 'Loại kỳ báo cáo' });
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await seriousViolations(page, 'start (form)')).toEqual([]);
    // An empty start: the errors are summed up beside the button and the focus goes to the first of them.
    await page.getByRole('button', { name: 'Khởi tạo quy trình' }).click();
    await page.locator('.error-summary[role="alert"]').waitFor();
    await expect.poll(() => activeElement(page)).toMatchObject({ inForm: true });
    expect(await seriousViolations(page, 'start (form with errors)')).toEqual([]);
    await screenshot(page, 'start-form-a11y');
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
