import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission } from '../../../src/app/forms/index.js';
import { fixtureForm } from './fixture-forms.js';

const nested = compileForm(fixtureForm('nested'));
const person = { hoTen: 'Nguyễn Thị Hằng', hinhThuc: 'giayKhen' };
const valid = {
  donVi: { ten: 'Đảng bộ Công ty Điện lực', lienHe: { email: 'dl@evn.vn' } },
  nguoiKy: 'Phạm Văn Bình',
  diaChi: { tinh: 'Tuyên Quang' },
  caNhan: [person],
};
const fieldsAndCodes = (data: unknown): string[][] => {
  const result = validateSubmission(nested, data, {});
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
};

describe('validateSubmission: groups with path, dotted keys and dynamic lists', () => {
  it('accepts values nested under group paths and dotted keys, with a group without path adding no level', () => {
    expect(validateSubmission(nested, valid, {})).toEqual({ ok: true, value: valid });
  });

  it('names errors by their key path, through groups and list items', () => {
    expect(
      fieldsAndCodes({
        ...valid,
        donVi: { lienHe: { email: 'sai' } },
        caNhan: [person, { hoTen: '', hinhThuc: 'huanChuong' }],
      }),
    ).toEqual([
      ['donVi.ten', 'FORM_REQUIRED'],
      ['donVi.lienHe.email', 'FORM_EMAIL'],
      ['caNhan.1.hoTen', 'FORM_REQUIRED'],
      ['caNhan.1.hinhThuc', 'FORM_NOT_ALLOWED_VALUE'],
    ]);
  });

  it('reports a required field of a group that was not sent at all by the field name', () => {
    const { donVi: _omitted, ...rest } = valid;
    expect(fieldsAndCodes(rest)).toEqual([['donVi.ten', 'FORM_REQUIRED']]);
  });

  it('refuses unknown keys at every level: root, group, list item', () => {
    const found = fieldsAndCodes({
      ...valid,
      donVi: { ...valid.donVi, soDu: 1 },
      caNhan: [{ ...person, luong: 5 }],
      tenDonVi: 'x',
    });
    expect(found.sort()).toEqual([
      ['caNhan.0.luong', 'FORM_UNKNOWN_FIELD'],
      ['donVi.soDu', 'FORM_UNKNOWN_FIELD'],
      ['tenDonVi', 'FORM_UNKNOWN_FIELD'],
    ]);
  });

  it('applies the item-count bounds of a dynamic list', () => {
    expect(fieldsAndCodes({ ...valid, caNhan: [] })).toEqual([['caNhan', 'FORM_MIN_ITEMS']]);
    expect(fieldsAndCodes({ ...valid, caNhan: [person, person, person, person] })).toEqual([
      ['caNhan', 'FORM_MAX_ITEMS'],
    ]);
    expect(fieldsAndCodes({ ...valid, caNhan: 'một người' })).toEqual([['caNhan', 'FORM_TYPE']]);
  });

  it('evaluates hide conditions per list item with `this`', () => {
    const second = { hoTen: 'Lê Văn Cường', hinhThuc: 'bangKhen' };
    expect(fieldsAndCodes({ ...valid, caNhan: [person, second] })).toEqual([
      ['caNhan.1.lyDoKhac', 'FORM_REQUIRED'],
    ]);
    expect(
      fieldsAndCodes({
        ...valid,
        caNhan: [
          { ...person, lyDoKhac: 'x' },
          { ...second, lyDoKhac: 'Thành tích đột xuất' },
        ],
      }),
    ).toEqual([['caNhan.0.lyDoKhac', 'FORM_HIDDEN_FIELD']]);
  });
});
