import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserOnSuiteDay } from '../../support/suite-clock.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../../test-artifacts/e2e/', import.meta.url));

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page as a user in Viet Nam would have it; console errors and page crashes are collected for assertions. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 860 },
  locale = 'vi-VN',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
  });
  context.setDefaultTimeout(20_000);
  await browserOnSuiteDay(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

/** Keeps a screenshot under test-artifacts/e2e/ (gitignored; CI keeps it as an artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Console errors other than the refused requests the app expects: the first session probe answers 401 before sign-in,
 * and a refused sign-in answers 401/423.
 */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter((error) => !/status of (401|423)\b/.test(error));
}
