/**
 * Rules between fields, declared on the field with form-js custom properties (`kiemTra`, `kiemTraThongBao`) and
 * enforced on the server: the generic mechanism, then the rules of the regulation's own forms.
 */
import { describe, expect, it } from 'vitest';
import {
  compileForm,
  validateSubmission,
  type FormComponent,
  type FormJsSchema,
} from '../../../src/app/forms/index.js';
import { reportOf } from '../../scenarios/support/report-fixture.js';
import { projectForms } from './fixture-forms.js';

const number = (key: string, properties?: Record<string, string>): FormComponent => ({
  type: 'number',
  key,
  id: `Field_${key}`,
  label: key,
  validate: { min: 0 },
  ...(properties ? { properties } : {}),
});

const form = (components: FormComponent[]): FormJsSchema => ({ type: 'default', id: 'rules', components });

const errorsOf = (schema: FormJsSchema, data: Record<string, unknown>, context = {}) => {
  const result = validateSubmission(compileForm(schema), data, context);
  return result.ok ? [] : result.errors;
};

const project = (id: string): FormJsSchema => {
  const found = projectForms().find((entry) => entry.file === `${id}.form`);
  if (!found) throw new Error(`forms/${id}.form`);
  return found.schema;
};

describe('cross-field rules (custom properties kiemTra / kiemTraThongBao)', () => {
  const schema = form([
    number('nhan'),
    number('giaiQuyet', { kiemTra: '=giaiQuyet <= nhan', kiemTraThongBao: 'Không được quá số nhận.' }),
  ]);

  it('refuses the field the rule is declared on, with the form’s own Vietnamese message', () => {
    expect(errorsOf(schema, { nhan: 2, giaiQuyet: 3 })).toEqual([
      { field: 'giaiQuyet', code: 'FORM_RULE', message: 'Không được quá số nhận.' },
    ]);
    expect(errorsOf(schema, { nhan: 3, giaiQuyet: 3 })).toEqual([]);
  });

  it('lets a rule that cannot compare (the other value missing) pass: that field’s own checks speak', () => {
    expect(errorsOf(schema, { giaiQuyet: 3 })).toEqual([]);
    // An empty field is not checked by its rule.
    expect(errorsOf(schema, { nhan: 1 })).toEqual([]);
  });

  it('reads the task’s variables and, in a dynamic list, the item (this) and the form (parent)', () => {
    const listed = form([
      {
        type: 'dynamiclist',
        path: 'dong',
        id: 'List_dong',
        label: 'Dòng',
        components: [
          number('so', { kiemTra: '=this.so <= toiDa', kiemTraThongBao: 'Vượt mức tối đa của kỳ.' }),
        ],
      },
    ]);
    expect(errorsOf(listed, { dong: [{ so: 1 }, { so: 9 }] }, { toiDa: 5 })).toEqual([
      { field: 'dong.1.so', code: 'FORM_RULE', message: 'Vượt mức tối đa của kỳ.' },
    ]);
  });

  it('does not check a hidden field’s rule', () => {
    const hidden = form([
      number('nhan'),
      {
        ...number('giaiQuyet', { kiemTra: '=giaiQuyet <= nhan', kiemTraThongBao: 'Không được quá số nhận.' }),
        conditional: { hide: '=nhan = 0' },
      },
    ]);
    expect(errorsOf(hidden, { nhan: 0 })).toEqual([]);
  });

  it('reports a rule without "=", with broken FEEL or without its message as a problem of the form', () => {
    const schema = form([
      number('a', { kiemTra: 'a > 0', kiemTraThongBao: 'x' }),
      number('b', { kiemTra: '=b >', kiemTraThongBao: 'x' }),
      number('c', { kiemTra: '=c > 0' }),
      number('d', { kiemTra2: '=d > 0', kiemTra2ThongBao: 'Phải dương.', ghiChu: 'không phải quy tắc' }),
    ]);
    const { problems } = compileForm(schema);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/Field_a: quy tắc kiemTra phải là biểu thức FEEL/);
    expect(problems.join('\n')).toMatch(/Field_b: quy tắc kiemTra phải là biểu thức FEEL/);
    expect(problems.join('\n')).toMatch(/Field_c: quy tắc kiemTra thiếu thông báo lỗi kiemTraThongBao/);
    // The sound rule (numbered, beside another custom property) is still enforced.
    expect(errorsOf(schema, { d: 0 })).toEqual([{ field: 'd', code: 'FORM_RULE', message: 'Phải dương.' }]);
  });

  it('gives a 500-class error when a rule does not evaluate to true or false', () => {
    const odd = form([number('a', { kiemTra: '="chuỗi"', kiemTraThongBao: 'x' })]);
    expect(errorsOf(odd, { a: 1 }).map((error) => error.code)).toEqual(['FORM_CONDITION_ERROR']);
  });
});

describe('the regulation’s forms declare their cross-field rules, enforced on the server', () => {
  it('every project form compiles its rules without problems', () => {
    for (const { file, schema } of projectForms()) expect(compileForm(schema).problems, file).toEqual([]);
  });

  it('Art. 10.2 (bao-cao-dan-van-lap): complaints resolved ≤ received, on soDonThuDaGiaiQuyet', () => {
    const schema = project('bao-cao-dan-van-lap');
    expect(errorsOf(schema, reportOf(1))).toEqual([]);
    expect(errorsOf(schema, reportOf(1, { soDonThuTiepNhan: 2, soDonThuDaGiaiQuyet: 5 }))).toEqual([
      {
        field: 'soDonThuDaGiaiQuyet',
        code: 'FORM_RULE',
        message: 'Số đơn thư đã giải quyết không được lớn hơn số đơn thư đã tiếp nhận.',
      },
    ]);
  });

  it('Art. 5, 10.2 (bao-cao-dan-van-lap): the number of "Dân vận khéo" models equals the models listed', () => {
    const schema = project('bao-cao-dan-van-lap');
    const errors = errorsOf(schema, reportOf(1, { soMoHinhDanVanKheo: 3 }));
    expect(errors).toEqual([
      {
        field: 'soMoHinhDanVanKheo',
        code: 'FORM_RULE',
        message: 'Số mô hình "Dân vận khéo" phải bằng số mô hình được liệt kê trong danh sách bên dưới.',
      },
    ]);
    expect(errorsOf(schema, reportOf(1, { soMoHinhDanVanKheo: 0, moHinhDanVanKheo: [] }))).toEqual([]);
  });

  it('Art. 4.2 (y-kien-nhan-su-btv): agreeing members ≤ members giving their opinion, on soDongY', () => {
    const schema = project('y-kien-nhan-su-btv');
    const opinion = { quyetDinhBtv: 'dong-y', ngayHopBtv: '2026-06-10', soThanhVienBtv: 9 };
    expect(errorsOf(schema, { ...opinion, soDongY: 9 })).toEqual([]);
    expect(errorsOf(schema, { ...opinion, soDongY: 11 })).toEqual([
      {
        field: 'soDongY',
        code: 'FORM_RULE',
        message: 'Số Ủy viên đồng ý không được lớn hơn số Ủy viên Ban Thường vụ cho ý kiến.',
      },
    ]);
  });

  it.each([
    ['bao-cao-dan-van-khoi-tao', { loaiKy: 'nam', nam: 2026, hanNopBaoCao: '2099-12-10' }],
    ['danh-gia-khen-thuong-khoi-tao', { nam: 2026, hanTuDanhGia: '2099-12-10' }],
  ])('Art. 10.2, 11.4 (%s): the collection cannot close before the reports are due', (id, start) => {
    const schema = project(id);
    expect(errorsOf(schema, { ...start, hanThuThap: '2099-12-15' })).toEqual([]);
    expect(errorsOf(schema, { ...start, hanThuThap: '2099-12-01' })).toEqual([
      expect.objectContaining({ field: 'hanThuThap', code: 'FORM_RULE' }),
    ]);
  });
});
