import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/lib/errors.js';
import { asFormJsSchema, FormSchemaError, submissionError } from '../../../src/app/forms/index.js';

describe('submissionError', () => {
  it('answers 422 with the Vietnamese message of each field', () => {
    const error = submissionError([
      { field: 'soCuoc', code: 'FORM_MIN', message: 'Giá trị phải lớn hơn hoặc bằng 0.' },
    ]);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ field: 'soCuoc', message: 'Giá trị phải lớn hơn hoặc bằng 0.' }]);
  });

  it('answers 500 when the form itself could not be evaluated', () => {
    const error = submissionError([
      { field: 'a', code: 'FORM_REQUIRED', message: 'Trường này là bắt buộc.' },
      { field: 'b', code: 'FORM_CONDITION_ERROR', message: 'Lỗi máy chủ: …' },
    ]);
    expect(error.status).toBe(500);
    expect(error.code).toBe('form_condition_error');
  });
});

describe('asFormJsSchema', () => {
  it('passes a form-js schema through and refuses anything else with a typed error', () => {
    const form = { type: 'default', components: [{ type: 'textfield', key: 'a' }] };
    expect(asFormJsSchema(form)).toBe(form);
    expect(() => asFormJsSchema('{"components": []}')).toThrow(FormSchemaError);
    expect(() => asFormJsSchema({ components: [{ type: 'group', components: 'x' }] })).toThrow(
      FormSchemaError,
    );
  });
});
