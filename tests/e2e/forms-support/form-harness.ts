import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildTestPage } from './build-test-page.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const HARNESS_ORIGIN = 'http://form-harness.test';

/**
 * A page with only the app's form viewer (web/src/features/forms/form-viewer.ts, with form-js and its CSS), so every
 * form of forms/ can be rendered in the browser without an engine or a task. `window.harness` drives it.
 */
const entry = (viewer: string) => `
import { mountForm } from ${JSON.stringify(viewer)};
let current;
window.harness = {
  async mount(schema, data) {
    current?.destroy();
    const host = document.getElementById('form');
    host.replaceChildren();
    current = await mountForm(host, schema, data);
  },
  setLanguage(lang) { document.documentElement.lang = lang; },
  /** The form is drawn and form-js has made its date pickers (in an effect after its first render). */
  ready() {
    const host = document.getElementById('form');
    return !!host.querySelector('.fjs-form') &&
      [...host.querySelectorAll('.fjs-datepicker input[data-input]')].every((input) => input._flatpickr);
  },
  data: () => current.data(),
  /** form-js's own validation, as "Hoàn thành" runs it: the errors by field id. */
  submit: () => current.submit().errors,
  /** Every text and user-facing attribute inside the form as rendered; "text" components' output apart. */
  texts() {
    const host = document.getElementById('form');
    const out = { own: [], templates: [] };
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text) (node.parentElement.closest('.fjs-form-field-text') ? out.templates : out.own).push(text);
    }
    for (const element of host.querySelectorAll('*'))
      for (const attribute of ['placeholder', 'aria-label', 'title', 'alt'])
        if (element.getAttribute(attribute)) out.own.push(element.getAttribute(attribute));
    return out;
  },
};
`;

const html = `<!doctype html>
<html lang="vi"><head><meta charset="UTF-8" /><title>form harness</title></head>
<body><div id="form"></div><script type="module" src="./main.js"></script></body></html>`;

/** Builds the harness with vite into a fresh directory; returns it. */
export async function buildFormHarness(): Promise<string> {
  return buildTestPage(
    'form-harness',
    html,
    entry(path.join(repo, 'web', 'src', 'features', 'forms', 'form-viewer.ts')),
  );
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built harness to the page under HARNESS_ORIGIN (no server: the page's requests are answered here). */
export async function openFormHarness(page: Page, dist: string): Promise<void> {
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const file = path.join(dist, new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html'));
    const body = await readFile(file).catch(() => undefined);
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      body,
      contentType: types[path.extname(file)] ?? 'application/octet-stream',
    });
  });
  await page.goto(`${HARNESS_ORIGIN}/`);
  await page.waitForFunction(() => 'harness' in globalThis);
}

export interface Harness {
  harness: {
    mount(schema: unknown, data: Record<string, unknown>): Promise<void>;
    setLanguage(lang: string): void;
    ready(): boolean;
    data(): Record<string, unknown>;
    submit(): Record<string, unknown>;
    texts(): { own: string[]; templates: string[] };
  };
}

export async function removeHarness(dist: string): Promise<void> {
  await rm(dist, { recursive: true, force: true });
}
