import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** What a user may type into any value a template shows (a nominee's name, a unit's name, a report's text). */
const PAYLOADS = [
  '<a href="https://evil.example/dang-nhap">Xem hồ sơ</a>',
  '<img src=x onerror="window.__pwned=1">',
  '[Xem hồ sơ](https://evil.example/dang-nhap)',
  '![ảnh](https://evil.example/x.png)',
  'https://evil.example/dang-nhap',
  'www.evil.example',
  '<script>window.__pwned=1</script>',
  '**đậm** _nghiêng_\n# Tiêu đề\n- mục\n    mã',
  '<iframe src="https://evil.example"></iframe>',
  'ai@evil.example',
];

/** Every variable path a form's text templates read (`{{unit.name}}`, `chucDanh` inside an if…then). */
function templatePaths(schema: string): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'text' && typeof record.text === 'string') texts.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(JSON.parse(schema));
  const paths = new Set<string>();
  for (const text of texts)
    for (const [, expression] of text.matchAll(/\{\{#?(?:if|loop)?\s*([^}]*)\}\}/g))
      for (const [name] of (expression ?? '')
        .replace(/"[^"]*"/g, '')
        .matchAll(/\b[a-zA-Z_][\w]*(?:\.[a-zA-Z_][\w]*)*/g))
        if (
          ![
            'if',
            'then',
            'else',
            'and',
            'or',
            'not',
            'null',
            'true',
            'false',
            'string',
            'this',
            'parent',
          ].includes(name)
        )
          paths.add(name);
  return [...paths];
}

/** Data where every path the templates read holds a payload (nested objects made as needed). */
function hostileData(paths: string[], offset: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  paths.forEach((dotted, index) => {
    const parts = dotted.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = PAYLOADS[(index + offset) % PAYLOADS.length];
  });
  return data;
}

interface Rendered {
  links: string[];
  images: number;
  scripts: number;
  iframes: number;
  strong: number;
  text: string;
  pwned: boolean;
}

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

async function render(schema: unknown, data: Record<string, unknown>): Promise<Rendered> {
  await page.evaluate(
    async ([form, values]) => {
      await (globalThis as unknown as Harness).harness.mount(form, values);
    },
    [schema, data] as const,
  );
  await page.waitForFunction(() => (globalThis as unknown as Harness).harness.ready());
  // Run in the page (a string: this file is compiled without the DOM's types).
  return page.evaluate<Rendered>(`(() => {
    const views = [...document.querySelectorAll('#form .fjs-form-field-text')];
    const all = (selector) => views.flatMap((view) => [...view.querySelectorAll(selector)]);
    return {
      links: all('a').map((a) => a.getAttribute('href') ?? ''),
      images: all('img').length,
      scripts: all('script').length,
      iframes: all('iframe').length,
      strong: all('strong').length,
      text: views.map((view) => view.textContent ?? '').join('\\n'),
      pwned: '__pwned' in globalThis,
    };
  })()`);
}

describe('values inserted into form text templates render as text (Chromium)', () => {
  it('shows a nominee name written as a link as its characters, not a link (the reported case)', async () => {
    const schema = {
      type: 'default',
      components: [
        { type: 'text', id: 'Text_1', text: '**Nhân sự:** {{hoTenUngVien}}\n\n**Đơn vị:** {{unit.name}}' },
      ],
    };
    const shown = await render(schema, {
      hoTenUngVien: PAYLOADS[0],
      unit: { name: '<img src=x onerror="window.__pwned=1">' },
    });
    expect(shown.links).toEqual([]);
    expect(shown.images).toBe(0);
    expect(shown.pwned).toBe(false);
    expect(shown.text).toContain('<a href="https://evil.example/dang-nhap">Xem hồ sơ</a>');
    expect(shown.text).toContain('<img src=x onerror="window.__pwned=1">');
    // The author's own markdown still works.
    expect(shown.strong).toBe(2);
  }, 60_000);

  it('renders no link, image, script or frame from any payload in any template of the forms', async () => {
    const forms = (await readdir(formsDir)).filter((name) => name.endsWith('.form')).sort();
    const problems: string[] = [];
    let checked = 0;
    for (const name of forms) {
      const schema = await readFile(path.join(formsDir, name), 'utf8');
      const paths = templatePaths(schema);
      if (paths.length === 0) continue;
      // The author's own links and images, rendered with harmless data, are the baseline.
      const baseline = await render(JSON.parse(schema), {});
      for (let offset = 0; offset < PAYLOADS.length; offset += 3) {
        const shown = await render(JSON.parse(schema), hostileData(paths, offset));
        checked += 1;
        const evil = shown.links.filter((href) => href.includes('evil'));
        if (evil.length || shown.links.length > baseline.links.length)
          problems.push(`${name}: link ${shown.links.join(' ')}`);
        if (shown.images > baseline.images) problems.push(`${name}: image`);
        if (shown.scripts || shown.iframes) problems.push(`${name}: script/iframe`);
        if (shown.pwned) problems.push(`${name}: script ran`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 240_000);

  it('keeps every payload’s characters visible as typed (nothing swallowed by markdown)', async () => {
    const schema = {
      type: 'default',
      components: PAYLOADS.map((_, index) => ({
        type: 'text',
        id: `Text_${index}`,
        text: `Giá trị: {{v${index}}}`,
      })),
    };
    const data = Object.fromEntries(PAYLOADS.map((payload, index) => [`v${index}`, payload]));
    const shown = await render(schema, data);
    expect(shown.links).toEqual([]);
    expect(shown.images + shown.scripts + shown.iframes).toBe(0);
    for (const payload of PAYLOADS)
      for (const line of payload.split('\n')) expect(shown.text).toContain(line.trim());
  }, 60_000);
});
