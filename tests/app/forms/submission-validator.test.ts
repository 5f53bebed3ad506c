import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormFieldError } from '../../../src/app/forms/index.js';
import { fixtureForm } from './fixture-forms.js';

const all = compileForm(fixtureForm('all-components'));
const context = {
  danhSachDonVi: [
    { label: 'Đoàn Thanh niên Khối', value: 'doan-thanh-nien' },
    { label: 'Hội Cựu chiến binh Khối', value: 'hoi-ccb' },
  ],
  maDonVi: 'CS-001',
};
const valid = {
  tenDonVi: 'Chi bộ Sở Tư pháp',
  ghiChu: 'Đã quán triệt đầy đủ.',
  maSo: 'TP-123',
  email: 'vanphong@tuyenquang.gov.vn',
  dienThoai: '+84912345678',
  soCuoc: 12,
  tyLe: 87.5,
  kinhPhi: '1500000.50',
  ngayBaoCao: '2026-06-15',
  gioHop: '14:30',
  thoiDiem: '2026-06-15T08:00+07:00',
  kyBaoCao: '6thang',
  xepLoai: 'HTTNV',
  chuDe: ['quanTriet', 'danVanKheo'],
  donViPhoiHop: ['hoi-ccb'],
  donViChuTri: 'doan-thanh-nien',
  xacNhan: true,
};

function errorsOf(data: unknown, ctx: Record<string, unknown> = context): FormFieldError[] {
  const result = validateSubmission(all, data, ctx);
  return result.ok ? [] : result.errors;
}
const codesFor = (errors: FormFieldError[], field: string): string[] =>
  errors.filter((error) => error.field === field).map((error) => error.code);

describe('validateSubmission: values of every component type', () => {
  it('accepts a valid submission and returns the cleaned value with expression fields recomputed', () => {
    const result = validateSubmission(all, { ...valid, tongSo: 999 }, context);
    expect(result).toEqual({ ok: true, value: { ...valid, tongSo: 24 } });
  });

  it('refuses missing required fields, in Vietnamese, one entry per field', () => {
    const errors = errorsOf({});
    for (const field of ['tenDonVi', 'soCuoc', 'ngayBaoCao', 'kyBaoCao', 'xacNhan']) {
      expect(errors).toContainEqual({ field, code: 'FORM_REQUIRED', message: 'Trường này là bắt buộc.' });
    }
    expect(errors.some((error) => /must|should/i.test(error.message))).toBe(false);
  });

  it('treats empty values as missing for required fields, as form-js does', () => {
    const errors = errorsOf({ ...valid, tenDonVi: '', soCuoc: null, xacNhan: false, kyBaoCao: null });
    expect(codesFor(errors, 'tenDonVi')).toEqual(['FORM_REQUIRED']);
    expect(codesFor(errors, 'soCuoc')).toEqual(['FORM_REQUIRED']);
    expect(codesFor(errors, 'xacNhan')).toEqual(['FORM_REQUIRED']);
    expect(codesFor(errors, 'kyBaoCao')).toEqual(['FORM_REQUIRED']);
  });

  it('checks number type, integer-ness, ranges, decimals and increment', () => {
    expect(errorsOf({ ...valid, soCuoc: -1 })).toEqual([
      { field: 'soCuoc', code: 'FORM_MIN', message: 'Giá trị phải lớn hơn hoặc bằng 0.' },
    ]);
    expect(codesFor(errorsOf({ ...valid, soCuoc: 1001 }), 'soCuoc')).toEqual(['FORM_MAX']);
    expect(errorsOf({ ...valid, soCuoc: 1.5 })).toEqual([
      { field: 'soCuoc', code: 'FORM_DECIMALS', message: 'Giá trị phải là số nguyên.' },
    ]);
    expect(codesFor(errorsOf({ ...valid, soCuoc: '12' }), 'soCuoc')).toEqual(['FORM_TYPE']);
    expect(codesFor(errorsOf({ ...valid, tyLe: 87.123 }), 'tyLe')).toContain('FORM_DECIMALS');
    expect(codesFor(errorsOf({ ...valid, tyLe: 87.3 }), 'tyLe')).toEqual(['FORM_INCREMENT']);
    expect(errorsOf({ ...valid, tyLe: 0.75 })).toEqual([]);
  });

  it('accepts numbers serialised as strings only when they are numbers, and applies their limits', () => {
    expect(codesFor(errorsOf({ ...valid, kinhPhi: 'nhiều' }), 'kinhPhi')).toEqual(['FORM_TYPE']);
    expect(codesFor(errorsOf({ ...valid, kinhPhi: '-5' }), 'kinhPhi')).toEqual(['FORM_MIN']);
    expect(codesFor(errorsOf({ ...valid, kinhPhi: 1500 }), 'kinhPhi')).toEqual(['FORM_TYPE']);
  });

  it('checks text lengths on trimmed text counted in characters, and the pattern', () => {
    expect(errorsOf({ ...valid, ghiChu: 'ạ'.repeat(501) })).toEqual([
      { field: 'ghiChu', code: 'FORM_MAX_LENGTH', message: 'Độ dài tối đa là 500 ký tự.' },
    ]);
    expect(errorsOf({ ...valid, ghiChu: `${'ạ'.repeat(500)}   ` })).toEqual([]);
    expect(codesFor(errorsOf({ ...valid, tenDonVi: ' ab ' }), 'tenDonVi')).toEqual(['FORM_MIN_LENGTH']);
    expect(codesFor(errorsOf({ ...valid, maSo: 'tp-123' }), 'maSo')).toEqual(['FORM_PATTERN']);
    expect(codesFor(errorsOf({ ...valid, tenDonVi: 42 }), 'tenDonVi')).toEqual(['FORM_TYPE']);
  });

  it('checks e-mail and phone as form-js does (international phone format)', () => {
    expect(errorsOf({ ...valid, email: 'van phong@' })).toEqual([
      { field: 'email', code: 'FORM_EMAIL', message: 'Địa chỉ email không hợp lệ.' },
    ]);
    expect(codesFor(errorsOf({ ...valid, dienThoai: '1234' }), 'dienThoai')).toEqual(['FORM_PHONE']);
    expect(errorsOf({ ...valid, dienThoai: '0084912345678', email: '' })).toEqual([]);
  });

  it('checks the formats form-js submits for date, time and date-time', () => {
    expect(codesFor(errorsOf({ ...valid, ngayBaoCao: '15/06/2026' }), 'ngayBaoCao')).toEqual(['FORM_DATE']);
    expect(codesFor(errorsOf({ ...valid, ngayBaoCao: '2026-02-30' }), 'ngayBaoCao')).toEqual(['FORM_DATE']);
    expect(codesFor(errorsOf({ ...valid, gioHop: '25:00' }), 'gioHop')).toEqual(['FORM_DATE']);
    expect(codesFor(errorsOf({ ...valid, thoiDiem: '2026-06-15' }), 'thoiDiem')).toEqual(['FORM_DATE']);
    expect(errorsOf({ ...valid, gioHop: '07:05Z', thoiDiem: '2026-06-15T08:00' })).toEqual([]);
  });

  it('refuses a value outside the options of a select, radio or checklist', () => {
    const message = 'Giá trị không nằm trong danh sách cho phép.';
    expect(errorsOf({ ...valid, kyBaoCao: 'quy' })).toEqual([
      { field: 'kyBaoCao', code: 'FORM_NOT_ALLOWED_VALUE', message },
    ]);
    expect(codesFor(errorsOf({ ...valid, xepLoai: 'Xuất sắc' }), 'xepLoai')).toEqual([
      'FORM_NOT_ALLOWED_VALUE',
    ]);
    expect(codesFor(errorsOf({ ...valid, chuDe: ['quanTriet', 'khac'] }), 'chuDe.1')).toEqual([
      'FORM_NOT_ALLOWED_VALUE',
    ]);
    expect(codesFor(errorsOf({ ...valid, chuDe: ['danChu', 'danChu'] }), 'chuDe')).toEqual([
      'FORM_DUPLICATE_VALUE',
    ]);
    expect(codesFor(errorsOf({ ...valid, chuDe: 'danChu' }), 'chuDe')).toEqual(['FORM_TYPE']);
  });

  it('takes options from the context for valuesKey and from FEEL for valuesExpression', () => {
    expect(codesFor(errorsOf({ ...valid, donViPhoiHop: ['ban-to-chuc'] }), 'donViPhoiHop')).toEqual([
      'FORM_NOT_ALLOWED_VALUE',
    ]);
    expect(codesFor(errorsOf({ ...valid, donViChuTri: 'ban-to-chuc' }), 'donViChuTri')).toEqual([
      'FORM_NOT_ALLOWED_VALUE',
    ]);
    // Without the variable there are no options, so any chosen value is refused.
    expect(codesFor(errorsOf(valid, { maDonVi: 'CS-001' }), 'donViPhoiHop')).toEqual([
      'FORM_NOT_ALLOWED_VALUE',
    ]);
  });

  it('does not let the submitter supply the option list of a valuesKey field', () => {
    const errors = errorsOf({ ...valid, danhSachDonVi: [{ value: 'x' }], donViPhoiHop: ['x'] }, {});
    expect(codesFor(errors, 'danhSachDonVi')).toEqual(['FORM_UNKNOWN_FIELD']);
    expect(codesFor(errors, 'donViPhoiHop')).toEqual(['FORM_NOT_ALLOWED_VALUE']);
  });

  it('checks the checkbox is a boolean', () => {
    expect(errorsOf({ ...valid, xacNhan: 'yes' })).toEqual([
      { field: 'xacNhan', code: 'FORM_TYPE', message: 'Giá trị phải là có hoặc không.' },
    ]);
  });

  it('accepts a file picker reference string and refuses anything else', () => {
    expect(errorsOf({ ...valid, dinhKem: 'files::bao-cao' })).toEqual([]);
    expect(codesFor(errorsOf({ ...valid, dinhKem: { ten: 'x.pdf' } }), 'dinhKem')).toEqual(['FORM_TYPE']);
  });

  it('takes no value for display components (table, iframe, document preview, button…)', () => {
    const errors = errorsOf({ ...valid, tbl: [], btn: 'submit', intro: 'x' });
    expect(errors.map((error) => [error.field, error.code]).sort()).toEqual([
      ['btn', 'FORM_UNKNOWN_FIELD'],
      ['intro', 'FORM_UNKNOWN_FIELD'],
      ['tbl', 'FORM_UNKNOWN_FIELD'],
    ]);
  });

  it('refuses keys the form does not have', () => {
    expect(errorsOf({ ...valid, laAdmin: true })).toEqual([
      { field: 'laAdmin', code: 'FORM_UNKNOWN_FIELD', message: 'Trường này không có trong biểu mẫu.' },
    ]);
  });

  it('refuses a changed read-only value and any disabled value; accepts the read-only value unchanged and drops it', () => {
    expect(codesFor(errorsOf({ ...valid, maDonVi: 'CS-999' }), 'maDonVi')).toEqual(['FORM_READONLY_FIELD']);
    expect(codesFor(errorsOf({ ...valid, nguoiTao: 'ai đó' }), 'nguoiTao')).toEqual(['FORM_DISABLED_FIELD']);
    const result = validateSubmission(all, { ...valid, maDonVi: 'CS-001', nguoiTao: '' }, context);
    expect(result.ok).toBe(true);
    expect(result.ok && 'maDonVi' in result.value).toBe(false);
  });

  it('refuses data that is not an object', () => {
    for (const data of [null, 'x', [1], 3]) {
      expect(errorsOf(data)).toEqual([
        {
          field: '',
          code: 'FORM_INVALID',
          message: 'Dữ liệu gửi lên phải là một đối tượng gồm các trường của biểu mẫu.',
        },
      ]);
    }
  });

  it('does not modify the caller’s data', () => {
    const data = { ...valid, tongSo: 1 };
    validateSubmission(all, data, context);
    expect(data.tongSo).toBe(1);
  });
});
