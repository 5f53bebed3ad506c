import { Type } from '@sinclair/typebox';
import { Maybe } from '../support/shared-schemas.js';
import {
  addDays,
  deadline,
  defaultDeadline,
  later,
  reminderDay,
  vietnamToday,
} from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';

const DEFAULT_REMINDER_DAYS = 3;
const COLLECTION_GRACE_DAYS = 10;
const SYNTHESIS_DAYS = 10;
const APPROVAL_DAYS = 7;

/** Period and deadlines of a six-monthly or annual report (Art. 10.2, 11.3), from the start form or today. */
export const xacDinhKyBaoCao = defineWorker({
  type: 'xac-dinh-ky-bao-cao',
  input: Type.Object({
    loaiKy: Maybe(Type.Union([Type.Literal('6-thang'), Type.Literal('nam')])),
    nam: Maybe(Type.Integer({ minimum: 2000, maximum: 2100 })),
    hanNopBaoCao: Maybe(Type.String({ format: 'date' })),
    hanThuThap: Maybe(Type.String({ format: 'date' })),
    soNgayNhacTruoc: Maybe(Type.Integer({ minimum: 0, maximum: 60 })),
  }),
  async handle({ variables }, { clock }) {
    const today = vietnamToday(clock.now());
    const kind = variables.loaiKy ?? (Number(today.slice(5, 7)) < 10 ? '6-thang' : 'nam');
    const year = variables.nam ?? Number(today.slice(0, 4));
    const firstHalf = kind === '6-thang';
    // The timer starts fire on 1 May and 1 November: units get about three weeks by default.
    const due = variables.hanNopBaoCao ?? defaultDeadline(`${year}-${firstHalf ? '05' : '11'}-20`, today);
    const collection = later(variables.hanThuThap ?? addDays(due, COLLECTION_GRACE_DAYS), due);
    const synthesis = addDays(collection, SYNTHESIS_DAYS);
    return {
      period: {
        code: `${year}-${firstHalf ? '6T' : 'N'}`,
        kind,
        year,
        label: firstHalf ? `6 tháng đầu năm ${year}` : `năm ${year}`,
        startDate: `${year}-01-01`,
        endDate: firstHalf ? `${year}-06-30` : `${year}-12-31`,
      },
      reportDueDate: deadline(due),
      reminderDate: deadline(reminderDay(due, variables.soNgayNhacTruoc ?? DEFAULT_REMINDER_DAYS, today)),
      collectionDeadline: deadline(collection),
      synthesisDueDate: deadline(synthesis),
      approvalDueDate: deadline(addDays(synthesis, APPROVAL_DAYS)),
    };
  },
});
