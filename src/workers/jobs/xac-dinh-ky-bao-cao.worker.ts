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
import { settingsInForce } from '../support/settings-in-force.js';

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
  async handle({ variables }, deps) {
    const { clock } = deps;
    const today = vietnamToday(clock.now());
    const kind = variables.loaiKy ?? (Number(today.slice(5, 7)) < 10 ? '6-thang' : 'nam');
    const year = variables.nam ?? Number(today.slice(0, 4));
    const firstHalf = kind === '6-thang';
    // Read at run time: a period started after an administrator changed the settings gets the new deadlines.
    const rules = (await settingsInForce(deps)).baoCaoDanVan[kind];
    // The timer starts fire on 1 May and 1 November: units get about three weeks by default.
    const due = variables.hanNopBaoCao ?? defaultDeadline(`${year}-${rules.reportDue}`, today);
    const collection = later(variables.hanThuThap ?? addDays(due, rules.collectionGraceDays), due);
    const synthesis = addDays(collection, rules.synthesisDays);
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
      reminderDate: deadline(reminderDay(due, variables.soNgayNhacTruoc ?? rules.reminderDaysBefore, today)),
      collectionDeadline: deadline(collection),
      synthesisDueDate: deadline(synthesis),
      approvalDueDate: deadline(addDays(synthesis, rules.approvalDays)),
    };
  },
});
