import { Type } from '@sinclair/typebox';
import { PeriodSchema } from '../support/shared-schemas.js';
import { defineWorker } from '../runtime/worker-definition.js';

/** Files one progress report on a briefing action (Art. 4.2); keyed by the job, so a retry writes it once. */
export const capNhatNhiemVu = defineWorker({
  type: 'cap-nhat-nhiem-vu',
  input: Type.Object({
    period: PeriodSchema,
    nhiemVuItem: Type.Object({ noiDung: Type.String(), donViChuTri: Type.String() }),
    loopCounter: Type.Integer({ minimum: 1 }),
    baoCao: Type.Object({ tinhTrang: Type.String({ minLength: 1 }) }),
  }),
  async handle(job, { records, clock }) {
    const { period, nhiemVuItem, loopCounter, baoCao } = job.variables;
    await records.saveRecord(
      {
        key: `tien-do-${job.jobKey}`,
        kind: 'tien-do-nhiem-vu',
        processInstanceKey: job.processInstanceKey,
        data: { periodCode: period.code, viTri: loopCounter, nhiemVuItem, baoCao },
      },
      clock.now(),
    );
    return {};
  },
});
