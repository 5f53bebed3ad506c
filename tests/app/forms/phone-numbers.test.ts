import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { asFormJsSchema, compileForm, validateSubmission } from '../../../src/app/forms/index.js';

const FORMS_WITH_A_PHONE = ['bao-cao-dan-van-lap', 'y-kien-nhan-su-de-nghi', 'y-kien-nhan-su-bo-sung'];

async function phoneErrors(formId: string, phone: string): Promise<string[]> {
  const schema = asFormJsSchema(JSON.parse(await readFile(`forms/${formId}.form`, 'utf8')));
  const result = validateSubmission(compileForm(schema), { dienThoaiLienHe: phone }, {});
  return result.ok
    ? []
    : result.errors.filter((error) => error.field === 'dienThoaiLienHe').map((error) => error.message);
}

describe('phone numbers on the real forms, as people in Viet Nam write them', () => {
  it.each(FORMS_WITH_A_PHONE)(
    '%s accepts mobile and landline numbers, local or international',
    async (formId) => {
      for (const phone of [
        '0912345678',
        '0912 345 678',
        '0912.345.678',
        '+84912345678',
        '+84 912 345 678',
        '02073822123',
      ])
        expect(await phoneErrors(formId, phone), phone).toEqual([]);
    },
  );

  it.each(FORMS_WITH_A_PHONE)(
    '%s refuses what cannot be a number here, saying how to write one',
    async (formId) => {
      for (const phone of ['091234567', '12345678901', '+1 202 555 0100', 'không có', '0012345678']) {
        const errors = await phoneErrors(formId, phone);
        expect(errors.join(), phone).toContain('Số điện thoại không hợp lệ; ví dụ 0912 345 678');
      }
    },
  );
});
