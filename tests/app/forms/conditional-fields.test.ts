import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission } from '../../../src/app/forms/index.js';
import { fixtureForm } from './fixture-forms.js';

const conditional = compileForm(fixtureForm('conditional'));
const broken = compileForm(fixtureForm('broken-feel'));

describe('validateSubmission: FEEL conditional.hide', () => {
  it('does not require a hidden field', () => {
    expect(validateSubmission(conditional, { quyetDinh: 'chapNhan' }, {})).toEqual({
      ok: true,
      value: { quyetDinh: 'chapNhan' },
    });
  });

  it('requires the field once its condition shows it', () => {
    expect(validateSubmission(conditional, { quyetDinh: 'traLai' }, {})).toEqual({
      ok: false,
      errors: [{ field: 'lyDoTraLai', code: 'FORM_REQUIRED', message: 'Trường này là bắt buộc.' }],
    });
    expect(
      validateSubmission(conditional, { quyetDinh: 'traLai', lyDoTraLai: 'Thiếu số liệu quý II.' }, {}).ok,
    ).toBe(true);
  });

  it('refuses a value for a hidden field, and drops an empty one', () => {
    expect(validateSubmission(conditional, { quyetDinh: 'chapNhan', lyDoTraLai: 'lén gửi' }, {})).toEqual({
      ok: false,
      errors: [
        {
          field: 'lyDoTraLai',
          code: 'FORM_HIDDEN_FIELD',
          message: 'Trường này đang ẩn, không được gửi giá trị.',
        },
      ],
    });
    expect(validateSubmission(conditional, { quyetDinh: 'chapNhan', lyDoTraLai: '' }, {})).toEqual({
      ok: true,
      value: { quyetDinh: 'chapNhan' },
    });
  });

  it('evaluates conditions against the context variables merged with the submission', () => {
    const data = { quyetDinh: 'chapNhan', boSung: { taiLieu: 'Biên bản họp' } };
    expect(validateSubmission(conditional, data, { canBoSung: true }).ok).toBe(true);
    const hidden = validateSubmission(conditional, data, { canBoSung: false });
    expect(hidden.ok ? [] : hidden.errors.map((error) => [error.field, error.code])).toEqual([
      ['boSung.taiLieu', 'FORM_HIDDEN_FIELD'],
    ]);
    const missing = validateSubmission(conditional, { quyetDinh: 'chapNhan' }, { canBoSung: true });
    expect(missing.ok ? [] : missing.errors.map((error) => [error.field, error.code])).toEqual([
      ['boSung.taiLieu', 'FORM_REQUIRED'],
    ]);
  });

  it('evaluates FEEL-valued limits against the context', () => {
    const low = validateSubmission(conditional, { quyetDinh: 'chapNhan', diem: 40 }, { diemToiThieu: 50 });
    expect(low).toEqual({
      ok: false,
      errors: [{ field: 'diem', code: 'FORM_MIN', message: 'Giá trị phải lớn hơn hoặc bằng 50.' }],
    });
    expect(
      validateSubmission(conditional, { quyetDinh: 'chapNhan', diem: 60 }, { diemToiThieu: 50 }).ok,
    ).toBe(true);
  });

  it('turns a FEEL error in a hide condition into FORM_CONDITION_ERROR naming the expression, without throwing', () => {
    const result = validateSubmission(broken, { a: 'x', b: 'y' }, {});
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const forB = errors.find((error) => error.field === 'b');
    expect(forB?.code).toBe('FORM_CONDITION_ERROR');
    expect(forB?.message).toContain('=a +* 1');
    const forC = errors.find((error) => error.field === 'c');
    expect(forC?.code).toBe('FORM_CONDITION_ERROR');
    expect(forC?.message).toContain('khongCoHam');
  });
});
