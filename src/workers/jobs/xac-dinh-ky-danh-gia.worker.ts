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

/** Year and deadlines of the annual review and commendation (Art. 11.4), from the start form or this year. */
export const xacDinhKyDanhGia = defineWorker({
  type: 'xac-dinh-ky-danh-gia',
  input: Type.Object({
    nam: Maybe(Type.Integer({ minimum: 2000, maximum: 2100 })),
    hanTuDanhGia: Maybe(Type.String({ format: 'date' })),
    hanThuThap: Maybe(Type.String({ format: 'date' })),
    soNgayNhacTruoc: Maybe(Type.Integer({ minimum: 0, maximum: 60 })),
  }),
  async handle({ variables }, deps) {
    const { clock } = deps;
    const today = vietnamToday(clock.now());
    const year = variables.nam ?? Number(today.slice(0, 4));
    // Read at run time (settings danhGiaKhenThuong.nam): a year started after a change gets the new deadlines.
    const rules = (await settingsInForce(deps)).danhGiaKhenThuong.nam;
    // The timer start fires on 15 November: three weeks for the self-evaluation by default.
    const due = variables.hanTuDanhGia ?? defaultDeadline(`${year}-${rules.evaluationDue}`, today);
    const collection = later(variables.hanThuThap ?? addDays(due, rules.collectionGraceDays), due);
    const proposal = addDays(collection, rules.proposalDays);
    const decision = addDays(proposal, rules.decisionDays);
    return {
      period: {
        code: `${year}-DG`,
        kind: 'nam',
        year,
        label: `năm ${year}`,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
      },
      evaluationDueDate: deadline(due),
      reminderDate: deadline(reminderDay(due, variables.soNgayNhacTruoc ?? rules.reminderDaysBefore, today)),
      collectionDeadline: deadline(collection),
      proposalDueDate: deadline(proposal),
      decisionDueDate: deadline(decision),
      issueDueDate: deadline(addDays(decision, rules.issueDays)),
    };
  },
});
