import { readFile } from 'node:fs/promises';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../scripts/readme-tables.js';

describe('README', () => {
  it('lists every configuration variable and demo account exactly as the code defines them', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const expected = await format(renderReadme(readme), {
      parser: 'markdown',
      printWidth: 110,
      proseWrap: 'preserve',
    });
    expect(readme).toBe(expected);
  });
});
