import { Type } from '@sinclair/typebox';
import { BadInputError } from '../runtime/business-error.js';
import { UnitSchema } from '../support/shared-schemas.js';
import { deadline, later, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';

/** The keys of the start form `bao-cao-dot-xuat-bao-cao`, filed as the unit sent them. */
const FORM_KEYS = [
  'tieuDe',
  'doiTuongLienQuan',
  'mucDoKhan',
  'ngayXayRa',
  'diaDiemXayRa',
  'noiDung',
  'soNguoiLienQuan',
  'soDangVienLienQuan',
  'bienPhapDaXuLy',
  'deXuatKienNghi',
  'hanDeNghiChiDao',
  'nguoiBaoCao',
  'chucVuNguoiBaoCao',
  'dienThoaiLienHe',
];

/**
 * Receives a base organisation's urgent report (Art. 10.3): files it as sent and sets Thường trực's deadline to direct
 * the handling at the day the unit asked for (17:00, Vietnamese time), never before today — the start form refuses a
 * past day, but the instance may start later than the form was checked. Also opens the follow-up: first direction,
 * no handling round yet.
 */
export const tiepNhanBaoCaoDotXuat = defineWorker({
  type: 'tiep-nhan-bao-cao-dot-xuat',
  input: Type.Object({
    unit: UnitSchema,
    tieuDe: Type.String({ minLength: 1 }),
    hanDeNghiChiDao: Type.String({ format: 'date' }),
  }),
  async handle(job, { records, clock }) {
    const { unit, hanDeNghiChiDao } = job.variables;
    // Art. 10.3 gives this channel to the base Party organisations only.
    if (unit.kind !== 'co-so')
      throw new BadInputError(`đơn vị "${unit.code}" loại "${unit.kind}" không phải chi, đảng bộ cơ sở`);
    const vars = job.variables as Record<string, unknown>;
    const data = { unit, ...Object.fromEntries(FORM_KEYS.map((key) => [key, vars[key] ?? null])) };
    const baoCaoDotXuatId = await records.saveRecord(
      {
        key: `${job.processInstanceKey}-bao-cao-dot-xuat-gui`,
        kind: 'bao-cao-dot-xuat',
        processInstanceKey: job.processInstanceKey,
        data,
      },
      clock.now(),
    );
    return {
      baoCaoDotXuatId,
      directiveDueDate: deadline(later(hanDeNghiChiDao, vietnamToday(clock.now()))),
      lanChiDao: 1,
      lichSuXuLy: [],
    };
  },
});
