import { describe, expect, it } from 'vitest';
import {
  compileForm,
  submissionError,
  validateSubmission,
  type FormComponent,
  type FormJsSchema,
} from '../../../src/app/forms/index.js';

/** Differences from form-js 1.23 found in the browser (issue 17, part 8): each is what form-js does. */
let counter = 0;
const form = (...components: FormComponent[]): FormJsSchema => ({
  type: 'default',
  id: `parity-${++counter}`,
  components,
});

const codes = (schema: FormJsSchema, data: unknown, context: Record<string, unknown> = {}): string[][] => {
  const result = validateSubmission(compileForm(schema), data, context);
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
};

describe('validateSubmission agrees with form-js', () => {
  it('evaluates a hide condition over the initial value of a field missing from the submission', () => {
    // form-js starts an unticked checkbox at false, a select at null, a field at its defaultValue.
    const byCheckbox = form(
      { type: 'checkbox', key: 'coGhiChu' },
      { type: 'textfield', key: 'ghiChu', validate: { required: true }, conditional: { hide: '=coGhiChu' } },
    );
    expect(codes(byCheckbox, {})).toEqual([['ghiChu', 'FORM_REQUIRED']]);
    const bySelect = form(
      { type: 'select', key: 'che', values: [{ label: 'Đơn giản', value: 'simple' }] },
      { type: 'textfield', key: 'x', validate: { required: true }, conditional: { hide: '=che = "simple"' } },
    );
    expect(codes(bySelect, {})).toEqual([['x', 'FORM_REQUIRED']]);
    expect(codes(bySelect, { che: 'simple' })).toEqual([]);
    const byDefault = form(
      {
        type: 'radio',
        key: 'loai',
        defaultValue: 'a',
        values: [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'b' },
        ],
      },
      { type: 'textfield', key: 'x', validate: { required: true }, conditional: { hide: '=loai = "a"' } },
    );
    expect(codes(byDefault, {})).toEqual([]);
    expect(codes(byDefault, { loai: 'b' })).toEqual([['x', 'FORM_REQUIRED']]);
  });

  it('takes the defaultValue of a field missing from the submission, as form-js would have sent it', () => {
    const schema = form({
      type: 'textfield',
      key: 'ten',
      defaultValue: 'Ban Dân vận',
      validate: { required: true },
    });
    expect(validateSubmission(compileForm(schema), {}, {})).toEqual({
      ok: true,
      value: { ten: 'Ban Dân vận' },
    });
    // Sent empty on purpose: empty it is.
    expect(codes(schema, { ten: '' })).toEqual([['ten', 'FORM_REQUIRED']]);
    const tooLong = form({
      type: 'textfield',
      key: 'ten',
      defaultValue: 'abcdef',
      validate: { maxLength: 3 },
    });
    expect(codes(tooLong, {})).toEqual([['ten', 'FORM_MAX_LENGTH']]);
  });

  it('evaluates a condition on an expression field over its computed value (not a submitted one)', () => {
    const schema = form(
      { type: 'number', key: 'a' },
      { type: 'expression', key: 'gapDoi', expression: '=a * 2', computeOn: 'change' },
      { type: 'textfield', key: 'x', validate: { required: true }, conditional: { hide: '=gapDoi > 10' } },
    );
    expect(codes(schema, { a: 1 })).toEqual([['x', 'FORM_REQUIRED']]);
    expect(codes(schema, { a: 1, gapDoi: 100 })).toEqual([['x', 'FORM_REQUIRED']]);
    expect(codes(schema, { a: 6 })).toEqual([]);
  });

  it('counts lengths in UTF-16 units, as JavaScript’s String.length in form-js', () => {
    const schema = form({ type: 'textfield', key: 'x', validate: { maxLength: 3, minLength: 2 } });
    expect(codes(schema, { x: '😀😀' })).toEqual([['x', 'FORM_MAX_LENGTH']]);
    expect(codes(schema, { x: '😀' })).toEqual([]);
    expect(codes(schema, { x: 'ạạạ' })).toEqual([]);
    const feel = form({ type: 'textfield', key: 'x', validate: { maxLength: '=3' } });
    expect(codes(feel, { x: '😀😀' })).toEqual([['x', 'FORM_MAX_LENGTH']]);
  });

  it('gives a missing or null dynamic list its defaultRepetitions items, and checks their required fields', () => {
    const list = (extra: Partial<FormComponent> = {}): FormJsSchema =>
      form({
        type: 'dynamiclist',
        path: 'ds',
        isRepeating: true,
        ...extra,
        components: [{ type: 'textfield', key: 'ten', validate: { required: true } }],
      });
    expect(codes(list(), {})).toEqual([['ds.0.ten', 'FORM_REQUIRED']]);
    expect(codes(list(), { ds: null })).toEqual([['ds.0.ten', 'FORM_REQUIRED']]);
    expect(codes(list({ defaultRepetitions: 2 }), {})).toEqual([
      ['ds.0.ten', 'FORM_REQUIRED'],
      ['ds.1.ten', 'FORM_REQUIRED'],
    ]);
    expect(codes(list({ defaultRepetitions: 0 }), {})).toEqual([]);
    expect(codes(list(), { ds: [] })).toEqual([]);
    expect(codes(list(), { ds: 'x' })).toEqual([['ds', 'FORM_TYPE']]);
    const optional = form({
      type: 'dynamiclist',
      path: 'ds',
      isRepeating: true,
      components: [{ type: 'textfield', key: 'ten', defaultValue: 'A' }],
    });
    expect(validateSubmission(compileForm(optional), {}, {})).toEqual({
      ok: true,
      value: { ds: [{ ten: 'A' }] },
    });
  });

  it('checks the rules of a read-only field, required first, on the value it shows (the context’s)', () => {
    const schema = form({ type: 'textfield', key: 'ma', readonly: true, validate: { required: true } });
    expect(codes(schema, {}, {})).toEqual([['ma', 'FORM_REQUIRED']]);
    expect(codes(schema, {}, { ma: 'CS-001' })).toEqual([]);
    expect(codes(schema, { ma: 'CS-001' }, { ma: 'CS-001' })).toEqual([]);
    const feel = form({ type: 'textfield', key: 'ma', readonly: '=khoa', validate: { required: true } });
    expect(codes(feel, {}, { khoa: true })).toEqual([['ma', 'FORM_REQUIRED']]);
    // …and its other rules too, on that value; it stays out of the cleaned data.
    const limited = form({ type: 'number', key: 'so', readonly: '=khoa', validate: { min: 3, max: '=5' } });
    expect(codes(limited, {}, { khoa: true, so: 1 })).toEqual([['so', 'FORM_MIN']]);
    expect(codes(limited, {}, { khoa: true, so: 6 })).toEqual([['so', 'FORM_MAX']]);
    expect(validateSubmission(compileForm(limited), { so: 4 }, { khoa: true, so: 4 })).toEqual({
      ok: true,
      value: {},
    });
  });

  it('answers a wrong-typed value read by a FEEL condition with a 422 on that field, not a 500', () => {
    const schema = form(
      { type: 'checklist', key: 'chon', values: [{ label: 'A', value: 'a' }] },
      { type: 'textfield', key: 'x', conditional: { hide: '=count(union(chon, ["b"])) > 1' } },
    );
    const result = validateSubmission(compileForm(schema), { chon: 5 }, {});
    expect(result.ok ? [] : result.errors.map((error) => [error.field, error.code])).toEqual([
      ['chon', 'FORM_TYPE'],
    ]);
    expect(result.ok ? 0 : submissionError(result.errors).status).toBe(422);
    // An unknown key read by a condition: refused, not evaluated.
    const byUnknown = form({
      type: 'textfield',
      key: 'x',
      conditional: { hide: '=count(union(la, ["b"])) > 1' },
    });
    expect(codes(byUnknown, { la: 5 })).toEqual([['la', 'FORM_UNKNOWN_FIELD']]);
  });

  it('does not depend on what was validated before: absent and null are different FEEL inputs', () => {
    const schema = form({
      type: 'textfield',
      key: 'x',
      validate: { required: true },
      conditional: { hide: '=mode = "simple"' },
    });
    const alone = codes(schema, {}, {});
    codes(schema, {}, { mode: null });
    expect(codes(schema, {}, {})).toEqual(alone);
    // feelin: `mode = "simple"` is null for an absent `mode`, which the unary test takes as true (hidden).
    expect(alone).toEqual([]);
    expect(codes(schema, {}, { mode: null })).toEqual([['x', 'FORM_REQUIRED']]);
    expect(codes(schema, {}, {})).toEqual([]);
  });

  it('compiles a checklist or taglist whose options are not static, or that has none', () => {
    for (const component of [
      { type: 'checklist', key: 'a' },
      { type: 'taglist', key: 'a', values: [] },
      { type: 'checklist', key: 'a', valuesKey: '' },
    ] satisfies FormComponent[]) {
      const schema = form(component);
      expect(() => compileForm(schema)).not.toThrow();
      expect(codes(schema, { a: [] })).toEqual([]);
      expect(codes(schema, { a: ['x'] })).toEqual([['a.0', 'FORM_NOT_ALLOWED_VALUE']]);
    }
    const duplicated = form({
      type: 'select',
      key: 'a',
      values: [
        { label: 'A', value: 'a' },
        { label: 'A again', value: 'a' },
      ],
    });
    expect(() => compileForm(duplicated)).not.toThrow();
    expect(codes(duplicated, { a: 'a' })).toEqual([]);
  });

  it('takes an empty string in a number field as empty, as form-js does (null)', () => {
    const schema = form(
      { type: 'number', key: 'n' },
      { type: 'number', key: 'bat', validate: { required: true } },
      { type: 'number', key: 's', serializeToString: true },
    );
    expect(validateSubmission(compileForm(schema), { n: '', bat: 1, s: '' }, {})).toEqual({
      ok: true,
      value: { n: null, bat: 1, s: null },
    });
    expect(codes(schema, { bat: '' })).toEqual([['bat', 'FORM_REQUIRED']]);
  });

  it('counts decimals as form-js (big.js) does, and takes a number string only as form-js writes it', () => {
    const schema = form({ type: 'number', key: 'n', serializeToString: true, decimalDigits: 1 });
    expect(codes(schema, { n: '3.50' })).toEqual([]);
    expect(codes(schema, { n: '3.55' })).toEqual([['n', 'FORM_DECIMALS']]);
    // form-js never writes spaces around a number; its own validation throws on them.
    expect(codes(schema, { n: ' 4 ' })).toEqual([['n', 'FORM_TYPE']]);
  });

  it('does not take false for empty in a required radio or select with a false option (only a checkbox)', () => {
    const schema = form({
      type: 'radio',
      key: 'dongY',
      validate: { required: true },
      values: [
        { label: 'Có', value: true },
        { label: 'Không', value: false },
      ],
    });
    expect(codes(schema, { dongY: false })).toEqual([]);
    expect(codes(schema, {})).toEqual([['dongY', 'FORM_REQUIRED']]);
    const checkbox = form({ type: 'checkbox', key: 'c', validate: { required: true } });
    expect(codes(checkbox, { c: false })).toEqual([['c', 'FORM_REQUIRED']]);
  });
});
