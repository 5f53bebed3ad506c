import { describe, expect, it } from 'vitest';
import {
  compileForm,
  fileFieldKeys,
  fileFieldValues,
  validateSubmission,
  type FormJsSchema,
} from '../../../src/app/forms/index.js';
import { projectForms } from '../forms/fixture-forms.js';

const ref = (id: string) => ({ id, name: 'a.pdf', contentType: 'application/pdf', size: 10 });
const ID = '0123456789abcdef01234567';

const nested: FormJsSchema = {
  type: 'default',
  components: [
    { type: 'filepicker', key: 'hoSo' },
    { type: 'group', path: 'phuLuc', components: [{ type: 'filepicker', key: 'tep' }] },
    {
      type: 'dynamiclist',
      path: 'nhanSu',
      components: [
        { type: 'textfield', key: 'hoTen' },
        { type: 'filepicker', key: 'lyLich' },
      ],
    },
  ],
} as FormJsSchema;

describe('file fields of a form', () => {
  it('are found by key path, in groups and in dynamic lists (list indexes left out)', () => {
    expect(fileFieldKeys(nested)).toEqual(['hoSo', 'phuLuc.tep', 'nhanSu.lyLich']);
    const values = fileFieldValues(nested, {
      hoSo: [ref(ID)],
      phuLuc: { tep: null },
      nhanSu: [{ hoTen: 'A' }, { hoTen: 'B', lyLich: 'files::x' }],
    });
    expect(values.map(({ field, key, value }) => ({ field, key, value }))).toEqual([
      { field: 'hoSo', key: 'hoSo', value: [ref(ID)] },
      { field: 'phuLuc.tep', key: 'phuLuc.tep', value: null },
      { field: 'nhanSu.1.lyLich', key: 'nhanSu.lyLich', value: 'files::x' },
    ]);
  });

  it('hold stored files’ references, closed and bounded; anything else is refused per field', () => {
    const form = compileForm(nested);
    expect(validateSubmission(form, { hoSo: [ref(ID)] }, {}).ok).toBe(true);
    for (const hoSo of [
      [{ id: 'abc' }],
      [{ ...ref(ID), path: '/etc/passwd' }],
      [{ name: 'a.pdf' }],
      Array.from({ length: 21 }, () => ref(ID)),
      5,
    ]) {
      const result = validateSubmission(form, { hoSo }, {});
      expect(result.ok, JSON.stringify(hoSo).slice(0, 60)).toBe(false);
      if (!result.ok) expect(result.errors.every((error) => error.field.startsWith('hoSo'))).toBe(true);
    }
  });

  it('are in the forms where the regulation has files: the head’s signed scan, the personnel proposal’s dossier and its supplement', () => {
    const byFile = new Map(projectForms().map(({ file, schema }) => [file, fileFieldKeys(schema)]));
    const withFiles = [...byFile].filter(([, keys]) => keys.length > 0);
    expect(Object.fromEntries(withFiles)).toMatchObject({
      'bao-cao-dan-van-truong-don-vi-duyet.form': ['banKyDuyet'],
      'y-kien-nhan-su-bo-sung.form': ['hoSoDinhKem'],
      'y-kien-nhan-su-de-nghi.form': ['hoSoDinhKem'],
    });
  });
});
