/**
 * A typed value is the form's at once: form-js would otherwise hold it for 300 ms (its debounce), and a render in that
 * time put the field back to its old value (web/src/features/forms/form-viewer.ts passes `debounce: false`).
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
    { type: 'textfield', key: 'tieuDe', label: 'Tiêu đề', id: 'tieuDe' },
    { type: 'number', key: 'soLuong', label: 'Số lượng', id: 'soLuong' },
  ],
};

let dist: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dist = await buildFormHarness();
  browser = await launchBrowser();
  ({ page } = await openPage(browser, HARNESS_ORIGIN));
  await openFormHarness(page, dist);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dist) await removeHarness(dist);
});

describe('typing into a form-js form', () => {
  it("makes each typed value the form's data at once, with no wait and without leaving the field", async () => {
    await page.evaluate((schema) => (globalThis as unknown as Harness).harness.mount(schema, {}), SCHEMA);
    await page.waitForFunction(() => (globalThis as unknown as Harness).harness.ready());
    await page.getByLabel('Tiêu đề').fill('Báo cáo quý');
    await page.getByLabel('Số lượng').fill('12');
    // Read in the same task as the last keystroke's event: a debounced form would still have neither value.
    const data = await page.evaluate(() => (globalThis as unknown as Harness).harness.data());
    expect(data).toMatchObject({ tieuDe: 'Báo cáo quý', soLuong: 12 });
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Báo cáo quý');
  });
});
