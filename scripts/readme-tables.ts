/**
 * Writes the configuration, demo-account and REST endpoint tables of README.md from the code that defines them, so the README
 * cannot drift: `npx tsx scripts/readme-tables.ts` rewrites them; tests/readme.test.ts fails when they differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../src/lib/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/app/seed/demo-accounts.js';
import { endpointTable } from './endpoint-table.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

const cell = (text: string): string => text.replaceAll('|', '\\|');

export function configTable(): string {
  const rows = CONFIG_VARIABLES.map(
    (v) =>
      `| \`${v.name}\` | ${cell(v.description)} | ${v.default === undefined ? '—' : `\`${cell(v.default)}\``} |`,
  );
  return ['| variable | meaning | default |', '|---|---|---|', ...rows].join('\n');
}

export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map((account) => {
    const roles = account.memberships.map((m) => `${m.unitCode}: ${m.roles.join(', ')}`).join('; ');
    return `| \`${account.username}\` | ${cell(account.fullName)} | ${cell(account.description)} | ${cell(roles)} |`;
  });
  return [
    `Every demo account has the password \`${DEMO_PASSWORD}\`. They are seeded when the database is empty and`,
    '`SEED_DEMO` is true (the default outside production). Do not use them on a real server.',
    '',
    '| username | name | who | unit: roles |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${marker} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

export function renderReadme(text: string): string {
  const tables = replaceBetween(
    replaceBetween(text, 'config', configTable()),
    'demo-accounts',
    demoAccountsTable(),
  );
  return replaceBetween(tables, 'rest-endpoints', endpointTable());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await readFile(readmePath, 'utf8');
  await writeFile(readmePath, renderReadme(text));
}
