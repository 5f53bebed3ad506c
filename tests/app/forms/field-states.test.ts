import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormJsSchema } from '../../../src/app/forms/index.js';

const codes = (schema: FormJsSchema, data: unknown, context: Record<string, unknown> = {}): string[][] => {
  const result = validateSubmission(compileForm(schema), data, context);
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
};

describe('validateSubmission: read-only, disabled, computed and shared keys', () => {
  it('evaluates a FEEL read-only flag against the context', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'readonly-feel',
      components: [
        { type: 'textfield', key: 'ketLuan', readonly: '=daKhoa = true', validate: { required: true } },
      ],
    };
    expect(codes(form, { ketLuan: 'sửa lại' }, { daKhoa: true, ketLuan: 'bản gốc' })).toEqual([
      ['ketLuan', 'FORM_READONLY_FIELD'],
    ]);
    // Read-only and unchanged: accepted; its required is met by the value it shows (the context's), as in form-js.
    expect(codes(form, { ketLuan: 'bản gốc' }, { daKhoa: true, ketLuan: 'bản gốc' })).toEqual([]);
    expect(codes(form, {}, { daKhoa: true, ketLuan: 'bản gốc' })).toEqual([]);
    expect(codes(form, {}, { daKhoa: true })).toEqual([['ketLuan', 'FORM_REQUIRED']]);
    expect(codes(form, {}, { daKhoa: false })).toEqual([['ketLuan', 'FORM_REQUIRED']]);
  });

  it('refuses a disabled field inside a list item', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'disabled-in-list',
      components: [
        {
          type: 'dynamiclist',
          path: 'ds',
          isRepeating: true,
          components: [
            { type: 'textfield', key: 'ten' },
            { type: 'textfield', key: 'ma', disabled: true },
          ],
        },
      ],
    };
    expect(codes(form, { ds: [{ ten: 'A', ma: 'X1' }] })).toEqual([['ds.0.ma', 'FORM_DISABLED_FIELD']]);
    expect(codes(form, { ds: [{ ten: 'A' }] })).toEqual([]);
  });

  it('recomputes expression fields inside list items with `this`', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'computed-in-list',
      components: [
        {
          type: 'dynamiclist',
          path: 'ds',
          isRepeating: true,
          components: [
            { type: 'number', key: 'soLuong' },
            { type: 'expression', key: 'gapDoi', expression: '=this.soLuong * 2' },
          ],
        },
      ],
    };
    const result = validateSubmission(
      compileForm(form),
      { ds: [{ soLuong: 3, gapDoi: 100 }, { soLuong: 5 }] },
      {},
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ds: [
          { soLuong: 3, gapDoi: 6 },
          { soLuong: 5, gapDoi: 10 },
        ],
      },
    });
  });

  it('lets the visible one of two components sharing a key own the value', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'shared-key',
      components: [
        { type: 'select', key: 'loai', values: [{ value: 'a' }, { value: 'b' }] },
        { type: 'textfield', id: 'ghiChuA', key: 'ghiChu', conditional: { hide: '=loai != "a"' } },
      ],
    };
    expect(codes(form, { loai: 'a', ghiChu: 'x' })).toEqual([]);
    expect(codes(form, { loai: 'b', ghiChu: 'x' })).toEqual([['ghiChu', 'FORM_HIDDEN_FIELD']]);
  });

  it('turns a broken valuesExpression into a server-side error, not a crash', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'broken-options',
      components: [{ type: 'select', key: 'donVi', valuesExpression: '=khongCoHam(1)' }],
    };
    expect(codes(form, { donVi: 'x' })).toEqual([['donVi', 'FORM_CONDITION_ERROR']]);
  });

  it('refuses options that are not a list, as a server-side error', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'bad-options',
      components: [{ type: 'select', key: 'donVi', valuesKey: 'dsDonVi' }],
    };
    expect(codes(form, { donVi: 'x' }, { dsDonVi: 'không phải danh sách' })).toEqual([
      ['donVi', 'FORM_OPTIONS_ERROR'],
    ]);
    expect(codes(form, { donVi: 'x' }, { dsDonVi: ['x', 'y'] })).toEqual([]);
  });

  it('treats an empty string as no choice for a select that is not required', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'empty-select',
      components: [{ type: 'select', key: 'loai', values: [{ value: 'a' }] }],
    };
    expect(codes(form, { loai: '' })).toEqual([]);
    expect(codes(form, { loai: 'z' })).toEqual([['loai', 'FORM_NOT_ALLOWED_VALUE']]);
  });
});

describe('validateSubmission: disallowPassedDates', () => {
  const form: FormJsSchema = {
    type: 'default',
    id: 'passed-dates',
    components: [
      { type: 'datetime', key: 'hanHoanThanh', subtype: 'date', disallowPassedDates: true },
      { type: 'datetime', key: 'luc', subtype: 'datetime', disallowPassedDates: true },
    ],
  };
  const compiled = compileForm(form);
  // 00:30 on 15 June 2026 in Tuyên Quang, still 14 June in UTC.
  const now = new Date('2026-06-14T17:30:00Z');
  const fields = (data: Record<string, unknown>) => {
    const result = validateSubmission(compiled, data, {}, { now });
    return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
  };

  it('refuses a day before today in Vietnam and accepts today', () => {
    expect(fields({ hanHoanThanh: '2026-06-14' })).toEqual([['hanHoanThanh', 'FORM_DATE_PASSED']]);
    expect(fields({ hanHoanThanh: '2026-06-15', luc: '2026-06-15T08:00' })).toEqual([]);
    expect(fields({ luc: '2026-06-01T08:00+07:00' })).toEqual([['luc', 'FORM_DATE_PASSED']]);
  });
});

describe('validateSubmission: FEEL built-in functions in conditions', () => {
  it('evaluates count() and string length() in hide conditions', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'builtins',
      components: [
        { type: 'checklist', key: 'chon', values: [{ value: 'a' }, { value: 'b' }] },
        {
          type: 'textfield',
          key: 'lyDo',
          validate: { required: true },
          conditional: { hide: '=count(chon) < 2' },
        },
        { type: 'textfield', key: 'ma' },
        {
          type: 'textfield',
          key: 'giaiThich',
          validate: { required: true },
          conditional: { hide: '=string length(ma) < 3' },
        },
      ],
    };
    expect(codes(form, { chon: ['a'] })).toEqual([]);
    expect(codes(form, { chon: ['a', 'b'], ma: 'x' })).toEqual([['lyDo', 'FORM_REQUIRED']]);
    expect(codes(form, { chon: ['a'], ma: 'xyz' })).toEqual([['giaiThich', 'FORM_REQUIRED']]);
  });
});

describe('validateSubmission: the form author’s pattern message', () => {
  it('shows patternErrorMessage when set, the generic Vietnamese message otherwise', () => {
    const form: FormJsSchema = {
      type: 'default',
      id: 'pattern-message',
      components: [
        {
          type: 'textfield',
          key: 'kyHieu',
          validate: { pattern: '^\\d+-[A-ZĐ]+$', patternErrorMessage: 'Ký hiệu phải có dạng 12-BC.' },
        },
        { type: 'textfield', key: 'ma', validate: { pattern: '^\\d+$' } },
      ],
    };
    const result = validateSubmission(compileForm(form), { kyHieu: 'BC-12', ma: 'x' }, {});
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'kyHieu', code: 'FORM_PATTERN', message: 'Ký hiệu phải có dạng 12-BC.' },
      { field: 'ma', code: 'FORM_PATTERN', message: 'Giá trị không đúng định dạng yêu cầu.' },
    ]);
    expect(validateSubmission(compileForm(form), { kyHieu: '12-QĐ', ma: '7' }, {}).ok).toBe(true);
  });
});
