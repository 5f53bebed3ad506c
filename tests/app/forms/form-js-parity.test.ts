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
  it('counts lengths in UTF-16 units, as JavaScript’s String.length in form-js', () => {
    const schema = form({ type: 'textfield', key: 'x', validate: { maxLength: 3, minLength: 2 } });
    expect(codes(schema, { x: '😀😀' })).toEqual([['x', 'FORM_MAX_LENGTH']]);
    expect(codes(schema, { x: '😀' })).toEqual([]);
    expect(codes(schema, { x: 'ạạạ' })).toEqual([]);
    const feel = form({ type: 'textfield', key: 'x', validate: { maxLength: '=3' } });
    expect(codes(feel, { x: '😀😀' })).toEqual([['x', 'FORM_MAX_LENGTH']]);
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
