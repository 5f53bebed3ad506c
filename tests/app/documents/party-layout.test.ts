import { beforeAll, describe, expect, it } from 'vitest';
import { generateSynthesisReport, type SynthesisReportData } from '../../../src/app/documents/index.js';
import { openDocx, type OpenedDocx } from './docx-reader.js';
import { deputySecretary, issuedAt } from './document-fixtures.js';

const minimal: SynthesisReportData = {
  number: '3-BC/ĐUK',
  issuedAt,
  recipients: ['Thường trực Đảng ủy Khối'],
  signature: deputySecretary,
  period: { kind: 'year', year: 2026 },
  unitsExpected: 2,
  unitsReported: 2,
  headings: [{ label: 'Số buổi tuyên truyền', total: 4 }],
  lateUnits: [],
  missingUnits: [],
  proposals: [],
};

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

/** The run (w:r) whose text is exactly `text` (heading phrases are written with non-breaking spaces). */
function runOf(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find(
    (match) => match[1]?.includes(`>${text}</w:t>`) || match[1]?.includes(`>${nbsp(text)}</w:t>`),
  );
  if (!found) throw new Error(`no run with text ${text}`);
  return found[0];
}
const twipsToMm = (twips: number): number => (twips / 1440) * 25.4;
const attribute = (xml: string, element: string, name: string): number => {
  const match = new RegExp(`<w:${element} [^>]*w:${name}="(\\d+)"`).exec(xml);
  if (!match) throw new Error(`no ${element} ${name}`);
  return Number(match[1]);
};

describe('Party document layout (Hướng dẫn 36-HD/VPTW)', () => {
  let docx: OpenedDocx;
  beforeAll(async () => {
    docx = openDocx(await generateSynthesisReport(minimal));
  });

  it('is A4 with the guide’s margins', () => {
    expect(attribute(docx.xml, 'pgSz', 'w')).toBe(11906);
    expect(attribute(docx.xml, 'pgSz', 'h')).toBe(16838);
    const margin = (side: string) => twipsToMm(attribute(docx.xml, 'pgMar', side));
    expect(margin('top')).toBeGreaterThanOrEqual(19.9);
    expect(margin('top')).toBeLessThanOrEqual(25);
    expect(margin('bottom')).toBeGreaterThanOrEqual(19.9);
    expect(margin('bottom')).toBeLessThanOrEqual(25);
    expect(margin('left')).toBeGreaterThanOrEqual(29.9);
    expect(margin('left')).toBeLessThanOrEqual(35);
    expect(margin('right')).toBeGreaterThanOrEqual(14.9);
    expect(margin('right')).toBeLessThanOrEqual(20);
  });

  it('sets every run in Times New Roman, the body at 14 pt', () => {
    const fonts = [...docx.xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((match) => match[1]);
    expect(fonts.length).toBeGreaterThan(20);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    expect(runOf(docx.xml, 'I. TÌNH HÌNH CHUNG')).toContain('<w:sz w:val="28"/>');
  });

  it('lays the heading block out as a borderless two-column table', () => {
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.xml)?.[0] ?? '';
    expect(firstTable).toContain(nbsp('ĐẢNG BỘ TỈNH TUYÊN QUANG'));
    expect(firstTable).toContain(nbsp('ĐẢNG CỘNG SẢN VIỆT NAM'));
    expect(firstTable.match(/<w:tc>/g)).toHaveLength(4);
    // The number and the place-date line share the second row.
    const secondRow = [...firstTable.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)][1]?.[0] ?? '';
    expect(secondRow).toContain('Số 3-BC/ĐUK');
    expect(secondRow).toContain(nbsp('Tuyên Quang, ngày 15 tháng 6 năm 2026'));
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(firstTable)?.[1] ?? '';
    expect(borders.match(/w:val="none"/g)).toHaveLength(6);
  });

  it('styles the heading lines as the guide does', () => {
    expect(runOf(docx.xml, 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN')).toContain('<w:b/>');
    expect(runOf(docx.xml, 'ĐẢNG BỘ TỈNH TUYÊN QUANG')).not.toContain('<w:b/>');
    const party = runOf(docx.xml, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party).toContain('<w:b/>');
    expect(party).toMatch(/<w:u w:val="single"\/>/);
    expect(runOf(docx.xml, 'Tuyên Quang, ngày 15 tháng 6 năm 2026')).toContain('<w:i/>');
    expect(runOf(docx.xml, 'BÁO CÁO')).toContain('<w:b/>');
    expect(runOf(docx.xml, 'Nơi nhận:')).toContain('<w:i/>');
  });

  it('keeps each issuing-body line whole (36-HD/VPTW): non-breaking spaces, one phrase a line', () => {
    for (const line of [
      'ĐẢNG BỘ TỈNH TUYÊN QUANG',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN',
      'VÀ DOANH NGHIỆP TỈNH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
    ]) {
      expect(docx.xml).toContain(`>${nbsp(line)}</w:t>`);
    }
    // The left column is wider than half, for "ĐẢNG ỦY KHỐI CÁC CƠ QUAN" in bold 14 pt (checked in the PDF test).
    const grid = [...docx.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)]
      .slice(0, 2)
      .map((match) => Number(match[1]));
    expect(twipsToMm(grid[0] ?? 0)).toBeGreaterThan(75);
  });

  it('justifies body paragraphs with a first-line indent', () => {
    const body = [...docx.xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].find((match) =>
      match[1]?.includes('Thực hiện Quy chế'),
    );
    expect(body?.[1]).toContain('<w:jc w:val="both"/>');
    expect(body?.[1]).toMatch(/<w:ind w:firstLine="\d+"\/>/);
  });
});
