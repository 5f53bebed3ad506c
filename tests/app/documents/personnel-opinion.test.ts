import { describe, expect, it } from 'vitest';
import {
  DocumentDataError,
  generatePersonnelOpinion,
  type PersonnelOpinionData,
} from '../../../src/app/documents/index.js';
import { openDocx } from './docx-reader.js';
import { issuedAt, secretary } from './document-fixtures.js';

const data: PersonnelOpinionData = {
  number: '45-CV/ĐUK',
  issuedAt,
  recipients: ['Như kính gửi', 'Ban Tổ chức Đảng ủy Khối'],
  signature: secretary,
  addressee: 'Ban Thường vụ Đoàn Thanh niên Khối',
  nomination: {
    organisation: 'Ban Thường vụ Đoàn Thanh niên Khối',
    reference: 'Tờ trình số 15-TTr/ĐTN ngày 02/6/2026',
  },
  candidate: {
    fullName: 'Trần Thị Mai',
    birthYear: 1990,
    currentPosition: 'Phó Bí thư Đoàn Thanh niên Khối',
  },
  position: 'Bí thư Đoàn Thanh niên Khối',
  procedure: 'election',
  term: '2022 - 2027',
  opinion: 'agree',
};

describe('generatePersonnelOpinion', () => {
  it('produces a valid .docx as a công văn: number, subject line, addressee, date line', async () => {
    const { paragraphs } = openDocx(await generatePersonnelOpinion(data));
    for (const line of [
      'ĐẢNG BỘ TỈNH TUYÊN QUANG',
      'Số 45-CV/ĐUK',
      'V/v cho ý kiến về nhân sự',
      'Tuyên Quang, ngày 15 tháng 6 năm 2026',
      'Kính gửi: Ban Thường vụ Đoàn Thanh niên Khối',
    ]) {
      expect(paragraphs).toContain(line);
    }
  });

  it('states the candidate, position, term and the Standing Committee’s agreement', async () => {
    const { text, paragraphs } = openDocx(await generatePersonnelOpinion(data));
    expect(text).toContain('Tờ trình số 15-TTr/ĐTN ngày 02/6/2026');
    expect(text).toContain(
      'Đồng ý giới thiệu đồng chí Trần Thị Mai, sinh năm 1990, Phó Bí thư Đoàn Thanh niên Khối, để Ban Thường vụ Đoàn Thanh niên Khối',
    );
    expect(text).toContain('bầu giữ chức vụ Bí thư Đoàn Thanh niên Khối, nhiệm kỳ 2022 - 2027.');
    const signature = paragraphs.slice(paragraphs.indexOf('T/M BAN THƯỜNG VỤ')).filter((line) => line !== '');
    expect(signature).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Hoàng Văn Đức']);
  });

  it('says "để chỉ định" for an appointment, never "để bầu" (Art. 4.2)', async () => {
    const { text } = openDocx(await generatePersonnelOpinion({ ...data, procedure: 'appointment' }));
    expect(text).toContain('để chỉ định giữ chức vụ Bí thư Đoàn Thanh niên Khối, nhiệm kỳ 2022 - 2027.');
    expect(text).not.toContain('bầu');
  });

  it('gives the reasons when the Standing Committee disagrees', async () => {
    const { paragraphs } = openDocx(
      await generatePersonnelOpinion({
        ...data,
        opinion: 'disagree',
        reasons: [
          'Chưa đủ thời gian công tác theo quy định',
          'Hồ sơ còn thiếu bản nhận xét của cấp ủy nơi cư trú',
        ],
      }),
    );
    expect(paragraphs.some((line) => line.startsWith('Không đồng ý giới thiệu đồng chí Trần Thị Mai'))).toBe(
      true,
    );
    expect(paragraphs).toContain('- Chưa đủ thời gian công tác theo quy định;');
    expect(paragraphs).toContain('- Hồ sơ còn thiếu bản nhận xét của cấp ủy nơi cư trú.');
  });

  it('refuses a disagreement without reasons, and a missing candidate', async () => {
    const noReasons = await generatePersonnelOpinion({ ...data, opinion: 'disagree' }).catch(
      (caught: unknown) => caught,
    );
    expect(noReasons).toBeInstanceOf(DocumentDataError);
    expect((noReasons as DocumentDataError).problems).toEqual([
      { field: 'reasons', message: 'Cần nêu lý do khi Ban Thường vụ không đồng ý.' },
    ]);
    const { candidate: _candidate, ...rest } = data;
    const noCandidate = await generatePersonnelOpinion(rest as PersonnelOpinionData).catch(
      (caught: unknown) => caught,
    );
    expect((noCandidate as DocumentDataError).problems).toEqual([
      { field: 'candidate', message: 'Thiếu dữ liệu bắt buộc.' },
    ]);
  });
});

describe('Vietnamese text in documents', () => {
  it('keeps diacritics, and writes decomposed input in composed form', async () => {
    const decomposed = 'Trần Thị Mai'.normalize('NFD');
    expect(decomposed).not.toBe('Trần Thị Mai');
    const { text, xml } = openDocx(
      await generatePersonnelOpinion({ ...data, candidate: { ...data.candidate, fullName: decomposed } }),
    );
    expect(text).toContain('đồng chí Trần Thị Mai, sinh năm 1990');
    expect(xml).not.toContain(decomposed);
    expect(text).toContain('Ủy ban Kiểm tra Đảng ủy Khối');
  });
});
