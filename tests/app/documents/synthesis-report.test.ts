import { describe, expect, it } from 'vitest';
import {
  DocumentDataError,
  generateSynthesisReport,
  type SynthesisReportData,
} from '../../../src/app/documents/index.js';
import { openDocx } from './docx-reader.js';
import { deputySecretary, issuedAt } from './document-fixtures.js';

const data: SynthesisReportData = {
  number: '12-BC/ĐUK',
  issuedAt,
  recipients: ['Thường trực Tỉnh ủy (báo cáo)', 'Ban Dân vận Tỉnh ủy', 'Thường trực Đảng ủy Khối'],
  signature: deputySecretary,
  period: { kind: 'first-half', year: 2026 },
  unitsExpected: 31,
  unitsReported: 29,
  headings: [
    { label: 'Số buổi quán triệt, tuyên truyền', total: 1234, unit: 'buổi' },
    { label: 'Mô hình "Dân vận khéo"', total: 57, unit: 'mô hình' },
    { label: 'Đơn thư khiếu nại, kiến nghị đã giải quyết', total: 18, unit: 'đơn' },
  ],
  lateUnits: [{ name: 'Chi bộ Sở Tư pháp', submittedAt: '2026-06-18' }],
  missingUnits: ['Đảng bộ Công ty Cổ phần Xi măng Tân Quang', 'Chi bộ Ban Quản lý dự án'],
  proposals: [
    { unit: 'Hội Cựu chiến binh Khối', text: 'Tăng cường tập huấn nghiệp vụ công tác dân vận cho cơ sở' },
  ],
};

describe('generateSynthesisReport', () => {
  it('produces a valid .docx with the Party heading block, number, date line and title', async () => {
    const docx = openDocx(await generateSynthesisReport(data));
    const { paragraphs } = docx;
    for (const line of [
      'ĐẢNG BỘ TỈNH TUYÊN QUANG',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN',
      'VÀ DOANH NGHIỆP TỈNH',
      '*',
      'Số 12-BC/ĐUK',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Tuyên Quang, ngày 15 tháng 6 năm 2026',
      'BÁO CÁO',
      'tổng hợp kết quả công tác dân vận 6 tháng đầu năm 2026',
    ]) {
      expect(paragraphs).toContain(line);
    }
    expect(paragraphs.indexOf('ĐẢNG BỘ TỈNH TUYÊN QUANG')).toBeLessThan(paragraphs.indexOf('BÁO CÁO'));
  });

  it('holds the totals per heading in a table, the late and missing units and the proposals', async () => {
    const { paragraphs, xml } = openDocx(await generateSynthesisReport(data));
    expect(xml).toContain('<w:tbl>');
    for (const cell of [
      'Số buổi quán triệt, tuyên truyền',
      '1.234',
      'Mô hình "Dân vận khéo"',
      '57',
      'Đơn vị tính',
    ]) {
      expect(paragraphs).toContain(cell);
    }
    expect(paragraphs).toContain('- Chi bộ Sở Tư pháp (gửi ngày 18/06/2026);');
    expect(paragraphs).toContain('- Đảng bộ Công ty Cổ phần Xi măng Tân Quang;');
    expect(paragraphs).toContain(
      '1. Tăng cường tập huấn nghiệp vụ công tác dân vận cho cơ sở (Hội Cựu chiến binh Khối).',
    );
    expect(paragraphs.some((line) => line.includes('29/31 đơn vị'))).toBe(true);
  });

  it('signs as Quyết định 926-QĐ/ĐUK is signed: T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC, no K/T', async () => {
    const { paragraphs } = openDocx(await generateSynthesisReport(data));
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Thường trực Tỉnh ủy (báo cáo),');
    expect(paragraphs).toContain('- Lưu Văn phòng Đảng ủy Khối.');
    const signature = paragraphs.slice(paragraphs.indexOf('T/M BAN THƯỜNG VỤ'));
    expect(signature.filter((line) => line !== '')).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
      'Nguyễn Thị Hương',
    ]);
  });

  it('prints the number and symbol and the "Nơi nhận" exactly as typed (36-HD/VPTW)', async () => {
    const { paragraphs } = openDocx(
      await generateSynthesisReport({
        ...data,
        number: '125-BC/ĐUK',
        recipients: ['- Thường trực Tỉnh ủy (b/c);', 'Ban Dân vận Tỉnh ủy', '- Lưu VP, BTG.'],
      }),
    );
    expect(paragraphs).toContain('Số 125-BC/ĐUK');
    const recipients = paragraphs.slice(
      paragraphs.indexOf('Nơi nhận:') + 1,
      paragraphs.indexOf('Nơi nhận:') + 4,
    );
    expect(recipients).toEqual(['- Thường trực Tỉnh ủy (b/c);', '- Ban Dân vận Tỉnh ủy,', '- Lưu VP, BTG.']);
    expect(paragraphs).not.toContain('- Lưu Văn phòng Đảng ủy Khối.');
  });

  it('names the full year for an annual report', async () => {
    const { paragraphs } = openDocx(
      await generateSynthesisReport({ ...data, period: { kind: 'year', year: 2026 } }),
    );
    expect(paragraphs).toContain('tổng hợp kết quả công tác dân vận năm 2026');
  });

  it('refuses missing or wrong data with a typed error listing the fields', async () => {
    const { headings: _headings, ...withoutHeadings } = data;
    const bad = { ...withoutHeadings, signature: { ...deputySecretary, name: ' ' }, issuedAt: '15/06/2026' };
    const error = await generateSynthesisReport(bad as unknown as SynthesisReportData).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentDataError);
    const fields = (error as DocumentDataError).problems.map((problem) => problem.field).sort();
    expect(fields).toEqual(['headings', 'issuedAt', 'signature/name']);
    expect((error as DocumentDataError).message).toContain('Thiếu dữ liệu bắt buộc');
  });
});
