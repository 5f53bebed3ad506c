/**
 * form-js takes its date format from the browser's locale: 3/12/2026 in vi-VN, 12/3/2026 in en-US. The app gives every
 * date picker dd/MM/yyyy (web/src/features/forms/flatpickr-locale.ts), so a date reads the same on every device and
 * on every day of the month.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import {
  buildFormHarness,
  HARNESS_ORIGIN,
  openFormHarness,
  removeHarness,
  type Harness,
} from './forms-support/form-harness.js';

const SCHEMA = {
  type: 'default',
  components: [
    { type: 'datetime', subtype: 'date', key: 'ngaySinh', dateLabel: 'Ngày sinh', id: 'ngaySinh' },
    { type: 'datetime', subtype: 'date', key: 'ngayHop', dateLabel: 'Ngày họp', id: 'ngayHop' },
  ],
};

/** For expect.poll: as long as a keystroke may take on a busy machine. */
const PATIENCE = { timeout: 15_000, interval: 50 };

let dist: string;
let browser: Browser;

beforeAll(async () => {
  dist = await buildFormHarness();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dist) await removeHarness(dist);
});

async function formIn(locale: string, language: 'vi' | 'en'): Promise<Page> {
  const { page } = await openPage(browser, HARNESS_ORIGIN, undefined, locale);
  await openFormHarness(page, dist);
  await page.evaluate((lang) => (globalThis as unknown as Harness).harness.setLanguage(lang), language);
  await page.evaluate(
    (schema) => (globalThis as unknown as Harness).harness.mount(schema, { ngaySinh: '1990-03-05' }),
    SCHEMA,
  );
  await page.waitForFunction(() => (globalThis as unknown as Harness).harness.ready());
  return page;
}

describe.each([
  ['vi-VN', 'vi'],
  ['en-US', 'en'],
  ['en-US', 'vi'],
] as const)('a date field in a %s browser, the app in %s', (locale, language) => {
  it('shows a stored date as dd/MM/yyyy, a single-digit day and month with their zeros', async () => {
    const page = await formIn(locale, language);
    const shown = page.getByRole('textbox', { name: 'Ngày sinh' });
    await expect.poll(() => shown.inputValue(), PATIENCE).toBe('05/03/1990');
    expect(await page.getByRole('textbox', { name: 'Ngày họp' }).getAttribute('placeholder')).toBe(
      'dd/mm/yyyy',
    );
    await page.context().close();
  });

  it.each([
    ['09/01/2027', '2027-01-09'],
    ['31/12/2026', '2026-12-31'],
    ['01/02/2027', '2027-02-01'],
  ])('reads a typed %s as day, month, year (%s), across the turn of a year', async (text, stored) => {
    // Each date in a page of its own, typed once and confirmed with Enter, as a clerk fills a new form.
    const page = await formIn(locale, language);
    const typed = page.getByRole('textbox', { name: 'Ngày họp' });
    await typed.fill(text);
    await typed.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as Harness).harness.data().ngayHop), PATIENCE)
      .toBe(stored);
    expect(await typed.inputValue()).toBe(text);
    await page.context().close();
  });
});
