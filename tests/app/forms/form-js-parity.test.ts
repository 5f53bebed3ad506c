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
});
