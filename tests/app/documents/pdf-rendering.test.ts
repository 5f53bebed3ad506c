/**
 * Issue 16, part 6: every document is also a PDF, rendered by LibreOffice headless; its first page's text layer
 * (pdftotext -bbox, poppler-utils) must show the layout of Hướng dẫn 36-HD/VPTW.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentRegistry,
  LibreOfficePdfConverter,
  findLibreOffice,
  type DocumentType,
} from '../../../src/app/documents/index.js';
import { samples } from './document-samples.js';

const hasPdfToText = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const soffice = findLibreOffice();

interface Line {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The words of each page (pdftotext -bbox), grouped into lines: same baseline, no gap wider than 15 pt. */
function linesOf(pdf: Buffer): { lines: Line[]; pageWidth: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-bbox-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
    const lines: Line[] = [];
    html.split('<page ').forEach((page, index) => {
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' }));
      // Rows: words whose tops lie within 2 pt; then, left to right, a gap wider than 15 pt starts a new line.
      const rows: (typeof words)[] = [];
      for (const word of [...words].sort((a, b) => a.yMin - b.yMin)) {
        const row = rows.at(-1);
        if (row && Math.abs((row[0]?.yMin ?? 0) - word.yMin) < 2) row.push(word);
        else rows.push([word]);
      }
      for (const row of rows) {
        let line: Line | undefined;
        for (const word of row.sort((a, b) => a.xMin - b.xMin)) {
          if (line && word.xMin - line.xMax < 15) {
            line.text += ` ${word.text}`;
            line.xMax = word.xMax;
          } else {
            line = { page: index, ...word };
            lines.push(line);
          }
        }
      }
    });
    return { lines, pageWidth };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TYPES = Object.keys(documentRegistry) as DocumentType[];
const SIGNER: Record<DocumentType, string[]> = {
  'synthesis-report': ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Thị Hương'],
  'briefing-conclusion': ['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Lê Minh Tuấn'],
  'personnel-opinion': ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Thị Hương'],
  'commendation-decision': ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Thị Hương'],
  'urgent-directive': ['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Lê Minh Tuấn'],
  'model-recognition': ['T/L BAN THƯỜNG VỤ', 'TRƯỞNG BAN TUYÊN GIÁO', 'Hà Văn Tuấn'],
  'complaint-reply': ['T/M ĐẢNG ỦY', 'BÍ THƯ', 'Đặng Văn Bình'],
};
/** The issuing body's lines and the archive line: the Bloc's Party Committee, unless a base organisation answers. */
const BLOC_ISSUER = {
  superior: ['ĐẢNG BỘ TỈNH TUYÊN QUANG'],
  names: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'],
  archive: '- Lưu Văn phòng Đảng ủy Khối.',
};
const ISSUER: Partial<Record<DocumentType, typeof BLOC_ISSUER>> = {
  'complaint-reply': {
    superior: ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'],
    names: ['ĐẢNG ỦY SỞ TÀI CHÍNH'],
    archive: '- Lưu hồ sơ giải quyết đơn thư.',
  },
};
const issuerOf = (type: DocumentType) => ISSUER[type] ?? BLOC_ISSUER;

// LibreOffice and poppler-utils are installed by .ci/run, so CI always runs this (and fails below if they are
// missing there). The skip is only for a developer's machine without them
// (`apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils`).
it.runIf(process.env.CI === 'true')('CI has LibreOffice and pdftotext (.ci/run installs them)', () => {
  expect({ soffice: Boolean(soffice), pdftotext: hasPdfToText }).toEqual({ soffice: true, pdftotext: true });
});

describe.skipIf(!soffice || !hasPdfToText)(
  'the PDF of each document, rendered by LibreOffice (36-HD/VPTW)',
  () => {
    const rendered = new Map<DocumentType, ReturnType<typeof linesOf>>();
    let seconds = 0;
    beforeAll(async () => {
      const docx = await Promise.all(
        TYPES.map((type) => documentRegistry[type].generate(samples[type] as never)),
      );
      const started = Date.now();
      // One soffice start for all four documents.
      const pdfs = await new LibreOfficePdfConverter(soffice).toPdf(docx);
      seconds = (Date.now() - started) / 1000;
      TYPES.forEach((type, index) => rendered.set(type, linesOf(pdfs[index] as Buffer)));
    }, 180_000);
    afterAll(() => {
      console.info(`LibreOffice converted ${TYPES.length} documents in ${seconds.toFixed(1)} s`);
    });

    const find = (type: DocumentType, text: string): Line => {
      const line = rendered.get(type)?.lines.find((candidate) => candidate.text === text);
      if (!line) throw new Error(`${type}: no line reads "${text}" (wrapped or missing)`);
      return line;
    };
    const centre = (line: Line) => (line.xMin + line.xMax) / 2;

    it.each(TYPES)(
      '%s: heading block — issuing body lines whole on the left, the Party on the right',
      (type) => {
        const { pageWidth } = rendered.get(type)!;
        const issuer = issuerOf(type);
        // A base organisation's superior, the Bloc, takes two lines: the Party's line faces the first.
        const superior = find(type, issuer.superior[0]!);
        const lastSuperior = find(type, issuer.superior.at(-1)!);
        const name1 = find(type, issuer.names[0]!);
        const name2 = find(type, issuer.names.at(-1)!);
        const party = find(type, 'ĐẢNG CỘNG SẢN VIỆT NAM');
        for (const line of [superior, name1, name2, party]) expect(line.page).toBe(1);
        expect(superior.yMin).toBeLessThanOrEqual(lastSuperior.yMin);
        expect(lastSuperior.yMin).toBeLessThan(name1.yMin);
        expect(name1.yMin).toBeLessThanOrEqual(name2.yMin);
        expect(Math.abs(centre(superior) - centre(name1))).toBeLessThan(3);
        expect(name1.xMax).toBeLessThan(pageWidth / 2);
        expect(party.xMin).toBeGreaterThan(pageWidth / 2);
        expect(Math.abs(party.yMin - superior.yMin)).toBeLessThan(3);
      },
    );

    it.each(TYPES)('%s: number under the issuer, place and date in one line on the right', (type) => {
      const { pageWidth } = rendered.get(type)!;
      const number = find(type, `Số ${samples[type].number}`);
      const name2 = find(type, issuerOf(type).names.at(-1)!);
      const date = find(type, 'Tuyên Quang, ngày 15 tháng 6 năm 2026');
      expect(number.page).toBe(1);
      expect(number.yMin).toBeGreaterThan(name2.yMin);
      expect(Math.abs(centre(number) - centre(name2))).toBeLessThan(3);
      expect(date.xMin).toBeGreaterThan(pageWidth / 2);
      expect(Math.abs(date.yMin - number.yMin)).toBeLessThan(3);
    });

    it.each(TYPES)('%s: "Nơi nhận" bottom-left, signature block bottom-right with room to sign', (type) => {
      const { pageWidth } = rendered.get(type)!;
      const [authority, position, name] = SIGNER[type].map((text) => find(type, text)) as [Line, Line, Line];
      const recipients = find(type, 'Nơi nhận:');
      const archive = find(type, issuerOf(type).archive);
      expect(authority.page).toBe(1);
      expect(recipients.xMax).toBeLessThan(pageWidth / 2);
      expect(archive.xMax).toBeLessThan(pageWidth / 2);
      for (const line of [authority, position, name]) expect(line.xMin).toBeGreaterThan(pageWidth / 2);
      expect(Math.abs(centre(authority) - centre(position))).toBeLessThan(3);
      expect(position.yMin).toBeGreaterThan(authority.yMin);
      expect(name.yMin - position.yMin).toBeGreaterThan(50);
      expect(Math.abs(authority.yMin - recipients.yMin)).toBeLessThan(20);
      expect(authority.yMin).toBeGreaterThan(find(type, 'Số ' + samples[type].number).yMin);
    });
  },
);
