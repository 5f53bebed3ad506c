import { Type } from '@sinclair/typebox';
import { BadInputError } from '../runtime/business-error.js';
import { UnitSchema } from '../support/shared-schemas.js';
import { addDays, deadline, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';
import { settingsInForce } from '../support/settings-in-force.js';

const FORM_KEYS = [
  'chucDanh',
  'hinhThuc',
  'nhiemKy',
  'hoTenUngVien',
  'ngaySinh',
  'gioiTinh',
  'chucVuHienTai',
  'donViCongTac',
  'ngayVaoDang',
  'trinhDoChuyenMon',
  'trinhDoLyLuanChinhTri',
  'tomTatQuaTrinhCongTac',
  'nhanXetDanhGia',
  'taiLieuKemTheo',
  'danhSachTaiLieu',
  'nguoiLienHe',
  'dienThoaiLienHe',
  'emailLienHe',
];

/** Records a mass organisation's nomination (Art. 4.2, 6) and sets the deadlines of its review, from today. */
export const luuHoSoNhanSu = defineWorker({
  type: 'luu-ho-so-nhan-su',
  input: Type.Object({
    unit: UnitSchema,
    hoTenUngVien: Type.String({ minLength: 1 }),
    chucDanh: Type.String({ minLength: 1 }),
  }),
  async handle(job, deps) {
    const { records, clock } = deps;
    const { unit } = job.variables;
    if (unit.kind !== 'doan-the')
      throw new BadInputError(`đơn vị "${unit.code}" loại "${unit.kind}" không phải Đoàn thể Khối`);
    const vars = job.variables as Record<string, unknown>;
    const data = { unit, ...Object.fromEntries(FORM_KEYS.map((key) => [key, vars[key] ?? null])) };
    const hoSoId = await records.saveRecord(
      {
        key: `${job.processInstanceKey}-ho-so`,
        kind: 'ho-so-nhan-su',
        processInstanceKey: job.processInstanceKey,
        data,
      },
      clock.now(),
      true,
    );
    const today = vietnamToday(clock.now());
    // Settings yKienNhanSu, read at receipt: each step's deadline in days from today.
    const days = (await settingsInForce(deps)).yKienNhanSu;
    return {
      hoSoId,
      checkDueDate: deadline(addDays(today, days.checkDays)),
      appraisalDueDate: deadline(addDays(today, days.appraisalDays)),
      standingReviewDueDate: deadline(addDays(today, days.standingReviewDays)),
      decisionDueDate: deadline(addDays(today, days.decisionDays)),
      issueDueDate: deadline(addDays(today, days.issueDays)),
    };
  },
});
