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
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page; returns the serious and critical violations, and prints how
 * many there were on that page.
 */
export async function seriousViolations(page: Page, label: string): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await source });
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const serious = found.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  console.log(
    `[axe] ${label}: ${serious.length} serious or critical, ${found.length} in all` +
      (found.length ? ` (${found.map((v) => `${v.id}:${v.impact ?? '?'}`).join(', ')})` : ''),
  );
  return serious;
}
