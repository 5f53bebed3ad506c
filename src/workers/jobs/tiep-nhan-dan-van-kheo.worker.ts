import { Type } from '@sinclair/typebox';
import { BadInputError } from '../runtime/business-error.js';
import { UnitSchema } from '../support/shared-schemas.js';
import { deadline, later, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';

/** The keys of the registration form `dan-van-kheo-dang-ky`, filed as the unit sent them. */
const FORM_KEYS = [
  'tenMoHinh',
  'linhVuc',
  'mucTieu',
  'noiDungCachLam',
  'doiTuongThamGia',
  'soNguoiThamGiaDuKien',
  'ngayBatDau',
  'ngayBaoCaoKetQua',
  'nguoiPhuTrach',
  'chucVuNguoiPhuTrach',
  'dienThoaiLienHe',
];

/** Art. 8.4 and 9.2 put the movement to the base Party organisations and, through them, the mass organisations. */
const REGISTERING_KINDS = ['co-so', 'doan-the'];

/**
 * Receives a unit's registration of a "Dân vận khéo" model (Art. 5, 8.4, 9.2): files it for Ban Tuyên giáo, the
 * standing body of the movement's steering board, and sets the day the unit reports the model's results (17:00,
 * Vietnamese time, on the day it chose), never before today — the form refuses a past day, but a registration
 * returned for completion may come back after it. Runs again after each completion: the filed registration is the
 * latest one.
 */
export const tiepNhanDanVanKheo = defineWorker({
  type: 'tiep-nhan-dan-van-kheo',
  input: Type.Object({
    unit: UnitSchema,
    tenMoHinh: Type.String({ minLength: 1 }),
    ngayBaoCaoKetQua: Type.String({ format: 'date' }),
  }),
  async handle(job, { records, clock }) {
    const { unit, ngayBaoCaoKetQua } = job.variables;
    if (!REGISTERING_KINDS.includes(unit.kind))
      throw new BadInputError(
        `đơn vị "${unit.code}" loại "${unit.kind}" không phải chi, đảng bộ cơ sở hay Đoàn thể Khối`,
      );
    const vars = job.variables as Record<string, unknown>;
    const data = { unit, ...Object.fromEntries(FORM_KEYS.map((key) => [key, vars[key] ?? null])) };
    const moHinhId = await records.saveRecord(
      {
        key: `${job.processInstanceKey}-dan-van-kheo-dang-ky`,
        kind: 'dan-van-kheo-dang-ky',
        processInstanceKey: job.processInstanceKey,
        data,
      },
      clock.now(),
      true,
    );
    return { moHinhId, reportDueDate: deadline(later(ngayBaoCaoKetQua, vietnamToday(clock.now()))) };
  },
});
