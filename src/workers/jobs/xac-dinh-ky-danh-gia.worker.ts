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
const COLLECTION_GRACE_DAYS = 5;
const PROPOSAL_DAYS = 7;
const DECISION_DAYS = 7;
const ISSUE_DAYS = 5;

/** Year and deadlines of the annual review and commendation (Art. 11.4), from the start form or this year. */
export const xacDinhKyDanhGia = defineWorker({
  type: 'xac-dinh-ky-danh-gia',
  input: Type.Object({
    nam: Maybe(Type.Integer({ minimum: 2000, maximum: 2100 })),
    hanTuDanhGia: Maybe(Type.String({ format: 'date' })),
    hanThuThap: Maybe(Type.String({ format: 'date' })),
    soNgayNhacTruoc: Maybe(Type.Integer({ minimum: 0, maximum: 60 })),
  }),
  async handle({ variables }, { clock }) {
    const today = vietnamToday(clock.now());
    const year = variables.nam ?? Number(today.slice(0, 4));
    // The timer start fires on 15 November: three weeks for the self-evaluation by default.
    const due = variables.hanTuDanhGia ?? defaultDeadline(`${year}-12-05`, today);
    const collection = later(variables.hanThuThap ?? addDays(due, COLLECTION_GRACE_DAYS), due);
    const proposal = addDays(collection, PROPOSAL_DAYS);
    const decision = addDays(proposal, DECISION_DAYS);
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
      reminderDate: deadline(reminderDay(due, variables.soNgayNhacTruoc ?? DEFAULT_REMINDER_DAYS, today)),
      collectionDeadline: deadline(collection),
      proposalDueDate: deadline(proposal),
      decisionDueDate: deadline(decision),
      issueDueDate: deadline(addDays(decision, ISSUE_DAYS)),
    };
  },
});
