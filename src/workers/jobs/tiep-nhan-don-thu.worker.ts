import { Type } from '@sinclair/typebox';
import { BadInputError } from '../runtime/business-error.js';
import { UnitSchema } from '../support/shared-schemas.js';
import { deadline, later, reminderDay, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';

/** The keys of the start form `don-thu-kien-nghi-tiep-nhan`, filed as the unit received them. */
const FORM_KEYS = [
  'loaiDon',
  'hinhThucTiepNhan',
  'nguoiTiepCongDan',
  'ngayTiepNhan',
  'hoTenNguoiGui',
  'doiTuongNguoiGui',
  'diaChiLienHe',
  'dienThoaiNguoiGui',
  'tomTat',
  'noiDung',
  'doiTuongBiKhieuNai',
  'hanGiaiQuyet',
];

/** Days before the due date the unit is reminded (the committee's practice: the regulation names no figure). */
const REMINDER_DAYS_BEFORE = 2;

/**
 * Enters a complaint, denunciation, petition or feedback in the base organisation's register (Art. 8.3): files it as
 * received and sets the due date of the answer at the day the unit chose (17:00, Vietnamese time), never before today
 * — the start form refuses a past day, but the instance may start later than the form was checked — and the reminder
 * some days before, never before tomorrow.
 */
export const tiepNhanDonThu = defineWorker({
  type: 'tiep-nhan-don-thu',
  input: Type.Object({
    unit: UnitSchema,
    loaiDon: Type.Union([
      Type.Literal('khieu-nai'),
      Type.Literal('to-cao'),
      Type.Literal('kien-nghi'),
      Type.Literal('phan-anh'),
    ]),
    tomTat: Type.String({ minLength: 1 }),
    hanGiaiQuyet: Type.String({ format: 'date' }),
  }),
  async handle(job, { records, clock }) {
    const { unit, hanGiaiQuyet } = job.variables;
    // Art. 8.3 gives this duty to the committees of the base Party organisations.
    if (unit.kind !== 'co-so')
      throw new BadInputError(`đơn vị "${unit.code}" loại "${unit.kind}" không phải chi, đảng bộ cơ sở`);
    const vars = job.variables as Record<string, unknown>;
    const data = { unit, ...Object.fromEntries(FORM_KEYS.map((key) => [key, vars[key] ?? null])) };
    const donThuId = await records.saveRecord(
      {
        key: `${job.processInstanceKey}-don-thu-tiep-nhan`,
        kind: 'don-thu-kien-nghi',
        processInstanceKey: job.processInstanceKey,
        data,
      },
      clock.now(),
    );
    const today = vietnamToday(clock.now());
    const due = later(hanGiaiQuyet, today);
    return {
      donThuId,
      handlingDueDate: deadline(due),
      reminderDate: deadline(reminderDay(due, REMINDER_DAYS_BEFORE, today)),
    };
  },
});
