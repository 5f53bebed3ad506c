import { Type } from '@sinclair/typebox';
import { PeriodSchema, UnitSchema } from '../support/shared-schemas.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

/** Files an accepted report; an upsert on type + period + unit, so a retried job writes it once. */
export const luuBaoCao = defineWorker({
  type: 'luu-bao-cao',
  input: Type.Object({
    period: PeriodSchema,
    unit: UnitSchema,
    baoCao: Type.Object({}),
    quaHan: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    nhanXetBanTuyenGiao: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  }),
  async handle(job, { records, clock }) {
    const { period, unit, baoCao, quaHan, nhanXetBanTuyenGiao } = job.variables;
    const baoCaoId = await records.saveReport(
      {
        loaiBaoCao: requireHeader(job, 'loaiBaoCao'),
        periodCode: period.code,
        unitCode: unit.code,
        unitName: unit.name,
        baoCao: baoCao as Record<string, unknown>,
        quaHan: quaHan === true,
        nhanXetBanTuyenGiao: nhanXetBanTuyenGiao ?? null,
        processInstanceKey: job.processInstanceKey,
      },
      clock.now(),
    );
    return { baoCaoId };
  },
});
