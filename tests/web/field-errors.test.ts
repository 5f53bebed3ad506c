import { describe, expect, it } from 'vitest';
import { toFormErrors } from '../../web/src/features/forms/field-errors.js';
import type { FormSchema } from '../../web/src/lib/contracts.js';

const schema: FormSchema = {
  type: 'default',
  components: [
    { type: 'textfield', id: 'Field_title', key: 'title' },
    {
      type: 'group',
      id: 'Group_contact',
      path: 'contact',
      components: [{ type: 'textfield', id: 'Field_email', key: 'email' }],
    },
    { type: 'group', id: 'Group_plain', components: [{ type: 'number', id: 'Field_count', key: 'count' }] },
  ],
};

describe("the server's field errors on a form-js form", () => {
  it('places each error on the field bound to its data path (JSON pointer or dotted)', () => {
    const result = toFormErrors(schema, [
      { field: '/title', message: 'Trường này là bắt buộc.' },
      { field: '/contact/email', message: 'Địa chỉ email không hợp lệ.' },
      { field: 'count', message: 'Giá trị phải lớn hơn hoặc bằng 0.' },
      { field: 'contact.email', message: 'Email đã được dùng.' },
    ]);
    expect(result.byFieldId).toEqual({
      Field_title: ['Trường này là bắt buộc.'],
      Field_email: ['Địa chỉ email không hợp lệ.', 'Email đã được dùng.'],
      Field_count: ['Giá trị phải lớn hơn hoặc bằng 0.'],
    });
    expect(result.unplaced).toEqual([]);
  });

  it('returns errors for fields the form does not have apart, so they are still shown', () => {
    const result = toFormErrors(schema, [
      { field: '/extra', message: 'Trường này không có trong biểu mẫu.' },
    ]);
    expect(result.byFieldId).toEqual({});
    expect(result.unplaced).toEqual(['Trường này không có trong biểu mẫu.']);
  });
});
