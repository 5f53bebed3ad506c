import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCommendationDecision } from '../../../src/app/documents/index.js';
import { secretary } from './document-fixtures.js';

function findLibreOffice(): string | undefined {
  for (const command of ['libreoffice', 'soffice']) {
    try {
      execFileSync('which', [command], { stdio: 'ignore' });
      return command;
    } catch {
      // not on PATH; try the next name
    }
  }
  return undefined;
}

const libreOffice = findLibreOffice();

// Rendering needs LibreOffice, which this project does not install (it is ~500 MB); where it is present (a
// developer's machine, a CI image that has it) the test renders a decision to PDF, otherwise it is skipped.
describe.skipIf(!libreOffice)('rendering a generated document with LibreOffice', () => {
  it('converts a commendation decision to a PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-pdf-'));
    const docx = join(dir, 'quyet-dinh.docx');
    writeFileSync(
      docx,
      await generateCommendationDecision({
        number: '1-QĐ/ĐUK',
        issuedAt: '2026-12-20',
        recipients: ['Như Điều 3'],
        signature: secretary,
        year: 2026,
        bases: ['Điều lệ Đảng Cộng sản Việt Nam'],
        collectives: [{ name: 'Chi bộ Sở Tư pháp', recognition: 'Giấy khen' }],
        individuals: [],
      }),
    );
    execFileSync(libreOffice as string, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 120_000,
    });
    expect(readFileSync(join(dir, 'quyet-dinh.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 150_000);
});
