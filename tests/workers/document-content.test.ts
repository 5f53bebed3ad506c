/**
 * Issue 16, part 6 ("Documents ready to sign"): what the clerk and the process give is what the document says —
 * position and recognition names instead of form codes, the number, symbol and "Nơi nhận" as typed, the signature
 * block Quyết định 926-QĐ/ĐUK itself uses, the chair of the briefing rather than the signer, and a synthesis that is
 * not addressed to the body that issues it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  POSITION_NAMES,
  RECOGNITION_NAMES,
  TEMPLATES,
  type IssueFields,
  type Vars,
} from '../../src/workers/support/document-content.js';
import { openDocx } from '../app/documents/docx-reader.js';

const ISSUE: IssueFields = {
  soKyHieu: '45-CV/ĐUK',
  ngayBanHanh: '2026-06-22',
  nguoiKy: 'Trần Việt Hùng',
  chucVuNguoiKy: 'Phó Bí thư Thường trực',
};
const UNIT = { code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Khối' };

async function paragraphsOf(
  template: string,
  vars: Vars,
  issue: Partial<IssueFields> = {},
): Promise<string[]> {
  const all = { ...ISSUE, ...issue };
  const built = TEMPLATES[template];
  if (!built) throw new Error(`no template ${template}`);
  return openDocx(await built.build({ ...vars, ...all }, all)).paragraphs;
}
const signatureBlock = (paragraphs: string[]) =>
  paragraphs.slice(paragraphs.findIndex((line) => /^T\/[ML] /.test(line))).filter(Boolean);

const personnel = (extra: Vars = {}): Vars => ({
  unit: UNIT,
  chucDanh: 'bi-thu-doan-thanh-nien-khoi',
  hinhThuc: 'bau-cu',
  hoTenUngVien: 'Trần Văn Bình',
  nhiemKy: '2026-2031',
  quyetDinhBtv: 'dong-y',
  ...extra,
});
const commendation = (hinhThuc: string): Vars => ({
  period: { year: 2026 },
  danhSachKhenThuong: [{ loaiDoiTuong: 'tap-the', tenDoiTuong: 'Chi bộ Sở Tư pháp', hinhThuc }],
});
const briefing = (extra: Vars = {}): Vars => ({
  period: { quarter: 2, year: 2026 },
  ngayHop: '2026-06-10',
  diaDiem: 'Hội trường Đảng ủy Khối',
  thanhPhanThamDu: 'Lãnh đạo các Đoàn thể Khối',
  noiDungKetLuan: 'Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở.',
  ...extra,
});
const synthesis: Vars = {
  period: { kind: '6-thang', year: 2026 },
  tongHop: { soDonViPhaiBaoCao: 2, soDonViDaBaoCao: 2, tong: {} },
};

describe('the personnel opinion (Art. 4.2, 6)', () => {
  it('names the position, not the form code', async () => {
    const text = (await paragraphsOf('van-ban-cho-y-kien-nhan-su', personnel())).join('\n');
    expect(text).toContain('giữ chức vụ Bí thư Đoàn Thanh niên Khối, nhiệm kỳ 2026-2031');
    expect(text).not.toContain('bi-thu-doan-thanh-nien-khoi');
  });

  it('says "để chỉ định" for an appointment and "để bầu" only for an election', async () => {
    const appointed = (
      await paragraphsOf('van-ban-cho-y-kien-nhan-su', personnel({ hinhThuc: 'chi-dinh' }))
    ).join('\n');
    expect(appointed).toContain('để chỉ định giữ chức vụ Bí thư Đoàn Thanh niên Khối');
    expect(appointed).not.toContain('bầu');
    const elected = (await paragraphsOf('van-ban-cho-y-kien-nhan-su', personnel())).join('\n');
    expect(elected).toContain('để bầu giữ chức vụ Bí thư Đoàn Thanh niên Khối');
  });

  it('knows every position the nomination form offers, by the form’s own label', () => {
    const form = JSON.parse(readFileSync('forms/y-kien-nhan-su-de-nghi.form', 'utf8')) as {
      components: { components?: { key?: string; values?: { label: string; value: string }[] }[] }[];
    };
    const options = form.components
      .flatMap((c) => c.components ?? [])
      .find((c) => c.key === 'chucDanh')?.values;
    expect(options?.length).toBeGreaterThan(0);
    for (const option of options ?? []) expect(POSITION_NAMES[option.value]).toBe(option.label);
  });
});

describe('the commendation decision (Art. 11.4)', () => {
  it('keeps "Đề nghị cấp trên khen thưởng" instead of turning it into "Giấy khen"', async () => {
    const paragraphs = await paragraphsOf('quyet-dinh-khen-thuong', commendation('de-nghi-cap-tren'), {
      soKyHieu: '130-QĐ/ĐUK',
    });
    expect(paragraphs).toContain('Đề nghị cấp trên khen thưởng');
    expect(paragraphs.join('\n')).not.toContain('Giấy khen');
  });

  it('knows every form of recognition the proposal form offers, by the form’s own label', () => {
    const form = JSON.parse(readFileSync('forms/danh-gia-khen-thuong-de-xuat.form', 'utf8')) as {
      components: { components?: { key?: string; values?: { label: string; value: string }[] }[] }[];
    };
    const options = form.components
      .flatMap((c) => c.components ?? [])
      .find((c) => c.key === 'hinhThuc')?.values;
    expect(options?.length).toBe(3);
    for (const option of options ?? []) expect(RECOGNITION_NAMES[option.value]).toBe(option.label);
  });
});

describe('issuing (36-HD/VPTW; Quyết định 926-QĐ/ĐUK)', () => {
  it('signs "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC" as Quyết định 926-QĐ/ĐUK does, without K/T', async () => {
    const paragraphs = await paragraphsOf('quyet-dinh-khen-thuong', commendation('giay-khen'), {
      soKyHieu: '130-QĐ/ĐUK',
      chucVuNguoiKy: 'Phó Bí thư Thường trực Đảng ủy Khối',
    });
    expect(signatureBlock(paragraphs)).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
      'Trần Việt Hùng',
    ]);
  });

  it.each([
    ['Phó Bí thư Thường trực; ký thay mặt (T/M) Ban Thường vụ', 'PHÓ BÍ THƯ THƯỜNG TRỰC'],
    ['T/M Ban Thường vụ, Phó Bí thư Thường trực', 'PHÓ BÍ THƯ THƯỜNG TRỰC'],
    ['K/T Bí thư, Phó Bí thư', 'PHÓ BÍ THƯ'],
    ['Bí thư Đảng ủy Khối', 'BÍ THƯ'],
  ])('reads the position "%s" as %s under T/M BAN THƯỜNG VỤ', async (typed, position) => {
    const paragraphs = await paragraphsOf('quyet-dinh-khen-thuong', commendation('giay-khen'), {
      soKyHieu: '130-QĐ/ĐUK',
      chucVuNguoiKy: typed,
    });
    expect(signatureBlock(paragraphs)).toEqual(['T/M BAN THƯỜNG VỤ', position, 'Trần Việt Hùng']);
  });

  it('signs by order for the Chief of Office: "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG"', async () => {
    const paragraphs = await paragraphsOf('thong-bao-ket-luan-giao-ban', briefing(), {
      soKyHieu: '7-TB/ĐUK',
      nguoiKy: 'Lê Minh Tuấn',
      chucVuNguoiKy: 'Chánh Văn phòng',
    });
    expect(signatureBlock(paragraphs)).toEqual(['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Lê Minh Tuấn']);
  });

  it('prints the number and symbol as typed, not rebuilt from the template', async () => {
    const paragraphs = await paragraphsOf('thong-bao-ket-luan-giao-ban', briefing(), {
      soKyHieu: '125-TB/VPĐUK',
    });
    expect(paragraphs).toContain('Số 125-TB/VPĐUK');
    expect(paragraphs).not.toContain('Số 125-TB/ĐUK');
  });

  it('prints "Nơi nhận" as typed, the clerk’s archive line included', async () => {
    const paragraphs = await paragraphsOf('van-ban-cho-y-kien-nhan-su', personnel(), {
      noiNhan: '- Như Kính gửi;\n- Thường trực Đảng ủy Khối (b/c);\n- Lưu VP, BTC.',
    });
    const start = paragraphs.indexOf('Nơi nhận:') + 1;
    expect(paragraphs.slice(start, start + 3)).toEqual([
      '- Như Kính gửi;',
      '- Thường trực Đảng ủy Khối (b/c);',
      '- Lưu VP, BTC.',
    ]);
  });
});

describe('the briefing conclusion notice (Art. 4.2)', () => {
  it('names who chaired the briefing, not the signer', async () => {
    const named = (
      await paragraphsOf(
        'thong-bao-ket-luan-giao-ban',
        briefing({ chuTri: 'Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối' }),
        { soKyHieu: '7-TB/ĐUK', nguoiKy: 'Lê Minh Tuấn', chucVuNguoiKy: 'Chánh Văn phòng' },
      )
    ).join('\n');
    expect(named).toContain(
      'Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối chủ trì buổi giao ban.',
    );
    expect(named).not.toContain('Lê Minh Tuấn, Chánh Văn phòng chủ trì');
    const unnamed = (
      await paragraphsOf('thong-bao-ket-luan-giao-ban', briefing(), {
        soKyHieu: '7-TB/ĐUK',
        nguoiKy: 'Lê Minh Tuấn',
        chucVuNguoiKy: 'Chánh Văn phòng',
      })
    ).join('\n');
    expect(unnamed).not.toContain('chủ trì buổi giao ban');
  });
});

describe('the synthesis report (Art. 10.2, 11.3)', () => {
  it('is not addressed to the Standing Committee that issues it', async () => {
    const paragraphs = await paragraphsOf('bao-cao-tong-hop-dan-van', synthesis, { soKyHieu: '12-BC/ĐUK' });
    expect(signatureBlock(paragraphs)[0]).toBe('T/M BAN THƯỜNG VỤ');
    const recipients = paragraphs
      .slice(paragraphs.indexOf('Nơi nhận:') + 1)
      .filter((line) => line.startsWith('- '));
    expect(recipients).toContain('- Thường trực Tỉnh ủy (báo cáo),');
    expect(recipients.join('\n')).not.toMatch(/Ban Thường vụ Đảng ủy Khối|Thường trực Đảng ủy Khối/);
  });
});
