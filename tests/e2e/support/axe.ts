import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) in the page; returns the serious and critical violations, and prints how
 * many there were on that page.
 */
export async function seriousViolations(page: Page, label: string): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // The app's Content-Security-Policy (script-src 'self') refuses an inline <script> (page.addScriptTag); the
  // DevTools protocol's evaluation is not subject to it, and the page's own policy stays as in production.
  await page.evaluate(`${await source}\n;void 0;`);
  const found = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  })()`);
  const serious = found.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  console.log(
    `[axe] ${label}: ${serious.length} serious or critical, ${found.length} in all` +
      (found.length ? ` (${found.map((v) => `${v.id}:${v.impact ?? '?'}`).join(', ')})` : ''),
  );
  return serious;
}
