import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { FLATPICKR_VIETNAMESE, translateUiText } from '../../web/src/features/forms/form-js-words.vi.js';
import {
  buildFormHarness,
  HARNESS_ORIGIN,
  openFormHarness,
  removeHarness,
  type Harness,
} from './forms-support/form-harness.js';

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** Six items in each dynamic list (one more than form-js shows uncollapsed), the dates as the engine gives them. */
const items = (count: number) => Array.from({ length: count }, () => ({}));
const DATA: Record<string, unknown> = {
  unit: { code: 'so-tai-chinh', kind: 'co-so', name: 'Đảng bộ Sở Tài chính' },
  period: { code: '2026-N', label: 'năm 2026' },
  reportDueDate: '2026-05-20T17:00:00+07:00',
  briefDueDate: '2026-03-10T17:00:00+07:00',
  evaluationDueDate: '2026-12-15T10:00:00Z',
  ngayHop: '2026-06-01',
  diaDiem: 'Hội trường Đảng ủy Khối',
  nhiemVuItem: { noiDung: 'Tổng hợp ý kiến', hanHoanThanh: '2026-07-15' },
  coPhanAnhThieuTrachNhiem: true,
  moHinhDanVanKheo: items(6),
  danhSachKhenThuong: items(6),
  deNghiKhenThuong: items(6),
  phanAnhThieuTrachNhiem: items(6),
  nhiemVu: items(6),
  // bao-cao-dot-xuat (Art. 10.3): the urgent report's dates, the directions and the handling reports.
  ngayXayRa: '2026-05-31',
  directiveDueDate: '2026-06-03T17:00:00+07:00',
  lanChiDao: 1,
  yKienChiDao: 'Giao Đảng ủy Sở Tài chính xử lý.',
  phanCongItem: { noiDungGiao: 'Đối thoại với người lao động', hanXuLy: '2026-06-05' },
  ketQuaVong: [
    {
      tenDonVi: 'Đảng bộ Sở Tài chính',
      tinhTrang: 'dang-xu-ly',
      hanXuLy: '2026-06-05',
      ketQuaXuLy: 'Đã đối thoại.',
    },
  ],
  lichSuXuLy: [],
  phanCong: items(6),
  phanCongTiep: items(6),
  // dan-van-kheo (Art. 5, 8.4, 9.2): the model's dates.
  ngayBatDau: '2026-01-15',
  ngayBaoCaoKetQua: '2026-10-30',
  // don-thu-kien-nghi (Art. 8.3): the day received, the due date, the day resolved (read by rules too).
  ngayTiepNhan: '2026-06-01',
  handlingDueDate: '2026-06-15T17:00:00+07:00',
  ngayGiaiQuyet: '2026-06-10',
};

/** Texts of the form's author and of the data: what is left is form-js's own words. */
function formJsWords(texts: string[], schema: string): string[] {
  const known = `${schema} ${JSON.stringify(DATA)}`;
  return [...new Set(texts)].filter(
    (text) => !known.includes(text) && !known.includes(JSON.stringify(text).slice(1, -1)),
  );
}

const vietnameseCalendar = new Set<string>([
  ...FLATPICKR_VIETNAMESE.months.longhand,
  ...FLATPICKR_VIETNAMESE.months.shorthand,
  ...FLATPICKR_VIETNAMESE.weekdays.longhand,
  ...FLATPICKR_VIETNAMESE.weekdays.shorthand,
]);

/** A word form-js may show in Vietnamese: one of ours, the calendar's, a number, a date, a date placeholder. */
function isVietnamese(word: string): boolean {
  return (
    translateUiText(word, 'en') !== undefined ||
    vietnameseCalendar.has(word) ||
    /^[\d\s*.,:/()-]+$/.test(word) ||
    /^(dd|mm|yyyy)\/(dd|mm)\/(dd|mm|yyyy)$/.test(word)
  );
}

let dist: string;
let browser: Browser;
let page: Page;
const forms: { name: string; schema: string }[] = [];

beforeAll(async () => {
  for (const file of (await readdir(formsDir)).filter((name) => name.endsWith('.form')).sort())
    forms.push({ name: file, schema: await readFile(path.join(formsDir, file), 'utf8') });
  dist = await buildFormHarness();
  browser = await launchBrowser();
  ({ page } = await openPage(browser, HARNESS_ORIGIN));
  await openFormHarness(page, dist);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dist) await removeHarness(dist);
});

type Texts = { own: string[]; templates: string[] };

const texts = (): Promise<Texts> => page.evaluate(() => (globalThis as unknown as Harness).harness.texts());

async function render(schema: string): Promise<Texts> {
  await page.evaluate(
    async ([text, data]) => {
      const { harness } = globalThis as unknown as Harness;
      harness.setLanguage('vi');
      await harness.mount(JSON.parse(text), data);
    },
    [schema, DATA] as const,
  );
  // form-js makes the date pickers after its first render; the words are replaced as the form changes (the observer
  // runs right after each change, before the next task).
  await page.waitForFunction(() => (globalThis as unknown as Harness).harness.ready());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return texts();
}

async function setLanguage(lang: 'vi' | 'en'): Promise<Texts> {
  await page.evaluate((language) => (globalThis as unknown as Harness).harness.setLanguage(language), lang);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return texts();
}

const schemaOf = (name: string): string => {
  const form = forms.find((candidate) => candidate.name === name);
  if (!form) throw new Error(`no form ${name}`);
  return form.schema;
};

describe('the 47 forms rendered in the browser, in Vietnamese', () => {
  it("shows none of form-js's English words in any form (dynamic lists full, date pickers made)", async () => {
    expect(forms.length).toBe(47); // 37 + the four of dan-van-kheo + the six of don-thu-kien-nghi
    const english: string[] = [];
    for (const { name, schema } of forms) {
      const { own } = await render(schema);
      for (const word of formJsWords(own, schema)) if (!isVietnamese(word)) english.push(`${name}: ${word}`);
    }
    expect(english).toEqual([]);
  }, 120_000);

  it('shows no ISO date in any form, the dates the templates show as dd/MM/yyyy', async () => {
    const iso: string[] = [];
    const shown: Record<string, string> = {};
    for (const { name, schema } of forms) {
      const { own, templates } = await render(schema);
      for (const text of [...own, ...templates])
        if (/\d{4}-\d{2}-\d{2}/.test(text)) iso.push(`${name}: ${text}`);
      shown[name] = templates.join(' ');
    }
    expect(iso).toEqual([]);
    expect(shown['bao-cao-dan-van-lap.form']).toContain('20/05/2026');
    expect(shown['giao-ban-quy-bao-cao-tinh-hinh.form']).toContain('hạn gửi 10/03/2026');
    // 10:00 UTC is 17:00 in Viet Nam, the same day.
    expect(shown['danh-gia-khen-thuong-tu-danh-gia.form']).toContain('hạn gửi 15/12/2026');
    expect(shown['giao-ban-quy-ket-luan.form']).toContain('Ngày 01/06/2026, Hội trường Đảng ủy Khối.');
    expect(shown['giao-ban-quy-ket-qua-nhiem-vu.form']).toContain('15/07/2026');
    expect(shown['bao-cao-dot-xuat-chi-dao.form']).toContain('31/05/2026');
    expect(shown['bao-cao-dot-xuat-chi-dao.form']).toContain('03/06/2026');
    expect(shown['bao-cao-dot-xuat-ket-qua-xu-ly.form']).toContain('05/06/2026');
    expect(shown['bao-cao-dot-xuat-xem-xet.form']).toContain('đang xử lý, hạn 05/06/2026');
    for (const form of [
      'dan-van-kheo-xem-xet.form',
      'dan-van-kheo-ket-qua.form',
      'dan-van-kheo-danh-gia.form',
    ])
      expect(shown[form]).toContain('Bắt đầu thực hiện: 15/01/2026 — Báo cáo kết quả: 30/10/2026');
    expect(shown['don-thu-kien-nghi-phan-loai.form']).toContain('ngày 01/06/2026');
    expect(shown['don-thu-kien-nghi-phan-loai.form']).toContain('15/06/2026');
    expect(shown['don-thu-kien-nghi-duyet-tra-loi.form']).toContain('Ngày giải quyết: 10/06/2026');
  }, 120_000);

  it('keeps the dates as they came in the data the form gives back (a draft)', async () => {
    await render(schemaOf('bao-cao-dan-van-lap.form'));
    const data = await page.evaluate(() => (globalThis as unknown as Harness).harness.data());
    expect(data.reportDueDate).toBe('2026-05-20T17:00:00+07:00');
  });

  it('writes the dynamic list and the calendar in Vietnamese, and in English after the switch', async () => {
    const schema = schemaOf('giao-ban-quy-ket-luan.form');
    const vi = await render(schema);
    expect(vi.own).toEqual(
      expect.arrayContaining(['Thêm mới', 'Mở rộng tất cả (5)', 'Xóa mục thứ 6', 'Tháng', 'Năm']),
    );
    expect(vi.own).toEqual(expect.arrayContaining(['T2', 'CN']));
    await page.getByRole('button', { name: 'Mở rộng tất cả (5)' }).click();
    await page.getByRole('button', { name: 'Thu gọn' }).waitFor();
    await page.locator('.fjs-datepicker input').first().click();
    await page.locator('.flatpickr-calendar.open').waitFor();
    await screenshot(page, 'form-dynamic-list-and-date-vi');

    const en = await setLanguage('en');
    expect(en.own).toEqual(
      expect.arrayContaining(['Add new', 'Collapse', 'Remove list item 6', 'Month', 'Mon']),
    );
    expect(en.own).not.toContain('Thêm mới');
    const back = await setLanguage('vi');
    expect(back.own).toEqual(expect.arrayContaining(['Thêm mới', 'Thu gọn', 'T2']));
    expect(back.own).not.toContain('Add new');
  });

  it.each([
    [
      'y-kien-nhan-su-de-nghi.form',
      'Nhiệm kỳ',
      '2022/27',
      /Nhiệm kỳ gồm năm bắt đầu và năm kết thúc.*2022-2027\./,
    ],
    ['giao-ban-quy-de-xuat.form', 'Giờ bắt đầu', '8h', /Giờ nhập theo dạng giờ:phút.*08:00/],
    ['ban-hanh-van-ban.form', 'Số, ký hiệu văn bản', '125 TB', /Số, ký hiệu gồm số văn bản.*125-TB\/ĐUK\./],
  ])(
    '%s: a wrong “%s” says in words what is expected, never the pattern',
    async (form, label, value, expected) => {
      await render(schemaOf(form));
      const field = page
        .locator('.fjs-form-field-textfield')
        .filter({ has: page.locator('.fjs-form-field-label', { hasText: label }) });
      await field.locator('input').first().fill(value);
      await page.evaluate(() => (globalThis as unknown as Harness).harness.submit());
      await expect
        .poll(async () => (await field.locator('.fjs-form-field-error').allTextContents()).join(' '))
        .toMatch(expected);
      const shown = (await field.locator('.fjs-form-field-error').allTextContents()).join(' ');
      expect(shown).not.toMatch(/[\^$[\]{}]|mẫu/);
    },
  );
});
