import { describe, expect, it } from 'vitest';
import {
  DocumentDataError,
  generateCommendationDecision,
  type CommendationDecisionData,
} from '../../../src/app/documents/index.js';
import { openDocx } from './docx-reader.js';
import { secretary } from './document-fixtures.js';

const data: CommendationDecisionData = {
  number: '130-QĐ/ĐUK',
  issuedAt: '2026-12-20T02:00:00Z',
  recipients: ['Thường trực Đảng ủy Khối', 'Như Điều 3'],
  signature: secretary,
  year: 2026,
  bases: [
    'Điều lệ Đảng Cộng sản Việt Nam',
    'Quy chế công tác dân vận ban hành kèm theo Quyết định số 926-QĐ/ĐUK ngày 12/7/2022 của Ban Thường vụ Đảng ủy Khối',
  ],
  collectives: [
    { name: 'Chi bộ Sở Tư pháp', recognition: 'Giấy khen' },
    { name: 'Đảng bộ Công ty Điện lực Tuyên Quang', recognition: 'Giấy khen' },
  ],
  individuals: [
    {
      fullName: 'Đỗ Thị Thu Hà',
      position: 'Bí thư Chi bộ',
      unit: 'Chi bộ Sở Tư pháp',
      recognition: 'Giấy khen',
    },
  ],
};

describe('generateCommendationDecision', () => {
  it('produces a valid .docx with heading, number, date line and title', async () => {
    const { paragraphs } = openDocx(await generateCommendationDecision(data));
    for (const line of [
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN',
      'Số 130-QĐ/ĐUK',
      'Tuyên Quang, ngày 20 tháng 12 năm 2026',
      'QUYẾT ĐỊNH',
      'khen thưởng các tập thể, cá nhân',
      'có thành tích xuất sắc trong thực hiện công tác dân vận năm 2026',
      'BAN THƯỜNG VỤ ĐẢNG ỦY KHỐIQUYẾT ĐỊNH',
    ]) {
      expect(paragraphs).toContain(line);
    }
  });

  it('has the bases, Điều 1 with the list and forms of recognition, Điều 2 and Điều 3', async () => {
    const { paragraphs, text } = openDocx(await generateCommendationDecision(data));
    expect(paragraphs).toContain('- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;');
    expect(paragraphs).toContain('- Xét đề nghị của Ban Tuyên giáo Đảng ủy Khối,');
    expect(text).toContain('Điều 1. Khen thưởng 2 tập thể và 1 cá nhân có thành tích xuất sắc');
    for (const cell of [
      'Đảng bộ Công ty Điện lực Tuyên Quang',
      'Đỗ Thị Thu Hà',
      'Bí thư Chi bộ, Chi bộ Sở Tư pháp',
      'Hình thức khen thưởng',
    ]) {
      expect(paragraphs).toContain(cell);
    }
    expect(paragraphs.filter((line) => line === 'Giấy khen')).toHaveLength(3);
    expect(text).toContain('Điều 2. ');
    expect(text).toContain('Điều 3. Văn phòng Đảng ủy Khối');
    expect(paragraphs).toContain('- Lưu Văn phòng Đảng ủy Khối.');
  });

  it('writes the date in Vietnam: 31 December 20:00 UTC is already 1 January there', async () => {
    const { paragraphs } = openDocx(
      await generateCommendationDecision({ ...data, issuedAt: '2026-12-31T20:00:00Z' }),
    );
    expect(paragraphs).toContain('Tuyên Quang, ngày 01 tháng 01 năm 2027');
  });

  it('refuses an empty list and an entry without a form of recognition', async () => {
    const empty = await generateCommendationDecision({ ...data, collectives: [], individuals: [] }).catch(
      (caught: unknown) => caught,
    );
    expect(empty).toBeInstanceOf(DocumentDataError);
    const noForm = {
      ...data,
      collectives: [{ name: 'Chi bộ Sở Tư pháp' }],
    } as unknown as CommendationDecisionData;
    const error = await generateCommendationDecision(noForm).catch((caught: unknown) => caught);
    expect((error as DocumentDataError).problems).toEqual([
      { field: 'collectives/0/recognition', message: 'Thiếu dữ liệu bắt buộc.' },
    ]);
  });
});
