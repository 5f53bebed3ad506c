import { Type } from '@sinclair/typebox';
import { Maybe } from '../support/shared-schemas.js';
import { addDays, deadline, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';
import { settingsInForce } from '../support/settings-in-force.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Quarter of the quarterly briefing (Art. 4.2), from the start form or the quarter of today, and the deadline of the
 * meeting's proposal. The briefs' deadlines follow the meeting date, once it is approved (xac-dinh-han-giao-ban).
 */
export const xacDinhKyGiaoBan = defineWorker({
  type: 'xac-dinh-ky-giao-ban',
  input: Type.Object({
    quy: Maybe(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3'), Type.Literal('4')])),
    nam: Maybe(Type.Integer({ minimum: 2000, maximum: 2100 })),
  }),
  async handle({ variables }, deps) {
    const { clock } = deps;
    const today = vietnamToday(clock.now());
    const quarter = variables.quy ? Number(variables.quy) : Math.ceil(Number(today.slice(5, 7)) / 3);
    const year = variables.nam ?? Number(today.slice(0, 4));
    const startMonth = String(quarter * 3 - 2).padStart(2, '0');
    const nextStart =
      quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    return {
      period: {
        code: `${year}-Q${quarter}`,
        kind: 'quy',
        quarter,
        year,
        label: `Quý ${ROMAN[quarter - 1]} năm ${year}`,
        startDate: `${year}-${startMonth}-01`,
        endDate: addDays(nextStart, -1),
      },
      proposalDueDate: deadline(addDays(today, (await settingsInForce(deps)).giaoBanQuy.quy.proposalDays)),
    };
  },
});
