import { describe, expect, it } from 'vitest';
import {
  DocumentDataError,
  generateBriefingConclusion,
  type BriefingConclusionData,
} from '../../../src/app/documents/index.js';
import { openDocx } from './docx-reader.js';
import { chiefOfOffice, issuedAt } from './document-fixtures.js';

const data: BriefingConclusionData = {
  number: '7-TB/ĐUK',
  issuedAt,
  recipients: ['Thường trực Đảng ủy Khối', 'Các Đoàn thể Khối', 'Ban Tuyên giáo Đảng ủy Khối'],
  signature: chiefOfOffice,
  quarter: 2,
  year: 2026,
  meeting: {
    date: '2026-06-10',
    place: 'Hội trường Đảng ủy Khối',
    chairedBy: 'đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối',
  },
  attendees: [
    'Lãnh đạo Ban Tuyên giáo Đảng ủy Khối',
    'Bí thư Đoàn Thanh niên Khối',
    'Chủ tịch Hội Cựu chiến binh Khối',
  ],
  conclusions: [
    'Các Đoàn thể Khối đã chủ động nắm tình hình tư tưởng của đoàn viên, hội viên.',
    'Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở trong quý III.',
  ],
  actions: [
    {
      content: 'Tổ chức đối thoại với đoàn viên thanh niên',
      ownerUnit: 'Đoàn Thanh niên Khối',
      dueDate: '2026-09-30',
    },
    { content: 'Rà soát đơn thư tồn đọng', ownerUnit: 'Công đoàn Viên chức tỉnh', dueDate: '2026-08-15' },
  ],
};

describe('generateBriefingConclusion', () => {
  it('produces a valid .docx with heading, number, date line and title naming the quarter', async () => {
    const { paragraphs } = openDocx(await generateBriefingConclusion(data));
    for (const line of [
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN',
      'Số 7-TB/ĐUK',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Tuyên Quang, ngày 15 tháng 6 năm 2026',
      'THÔNG BÁO',
      'kết luận của Thường trực Đảng ủy Khối tại buổi giao ban',
      'công tác dân vận quý II năm 2026',
    ]) {
      expect(paragraphs).toContain(line);
    }
  });

  it('holds the meeting, attendees, conclusions and the assigned actions with owner unit and due date', async () => {
    const { paragraphs } = openDocx(await generateBriefingConclusion(data));
    expect(paragraphs.some((line) => line.startsWith('Ngày 10/06/2026, tại Hội trường Đảng ủy Khối'))).toBe(
      true,
    );
    expect(
      paragraphs.some((line) =>
        line.includes('Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối chủ trì'),
      ),
    ).toBe(true);
    expect(paragraphs).toContain('- Chủ tịch Hội Cựu chiến binh Khối.');
    expect(paragraphs).toContain('2. Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở trong quý III.');
    for (const cell of [
      'Tổ chức đối thoại với đoàn viên thanh niên',
      'Đoàn Thanh niên Khối',
      '30/09/2026',
      '15/08/2026',
    ]) {
      expect(paragraphs).toContain(cell);
    }
    const signature = paragraphs.slice(paragraphs.indexOf('T/L BAN THƯỜNG VỤ')).filter((line) => line !== '');
    expect(signature).toEqual(['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Lê Minh Tuấn']);
  });

  it('says so when no action was assigned', async () => {
    const { paragraphs, xml } = openDocx(await generateBriefingConclusion({ ...data, actions: [] }));
    expect(paragraphs).toContain('- Không có nhiệm vụ phân công.');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2); // heading and closing blocks only
  });

  it('refuses a quarter out of range and a notice without conclusions', async () => {
    const bad = { ...data, quarter: 5, conclusions: [] } as unknown as BriefingConclusionData;
    const error = await generateBriefingConclusion(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentDataError);
    expect((error as DocumentDataError).problems.map((problem) => problem.field).sort()).toEqual([
      'conclusions',
      'quarter',
    ]);
  });
});
