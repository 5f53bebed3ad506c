import { Type } from '@sinclair/typebox';
import { PeriodSchema, UnitSchema } from '../support/shared-schemas.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';
import { synthesise } from '../support/synthesis.js';
import { recognisedModels } from '../support/recognised-models.js';

/** The synthesis of the stored reports of a period (Art. 10.2, 11.3, 4.2, 11.4): a pure function of stored data. */
export const tongHopBaoCao = defineWorker({
  type: 'tong-hop-bao-cao',
  input: Type.Object({ period: PeriodSchema, units: Type.Array(UnitSchema) }),
  async handle(job, { records }) {
    const loaiBaoCao = requireHeader(job, 'loaiBaoCao');
    const reports = await records.reportsOf(loaiBaoCao, job.variables.period.code);
    const tongHop = synthesise(loaiBaoCao, job.variables.units, reports);
    if (loaiBaoCao !== 'tu-danh-gia') return { tongHop };
    // The annual review also lists the "Dân vận khéo" models recognised in its year (process dan-van-kheo).
    const moHinhDanVanKheo = await recognisedModels(records, job.variables.period.year);
    return { tongHop: { ...tongHop, moHinhDanVanKheo, soMoHinhDanVanKheoCongNhan: moHinhDanVanKheo.length } };
  },
});
