/**
 * tiep-nhan-dan-van-kheo (Art. 5, 8.4, 9.2): files a unit's "Dân vận khéo" registration for Ban Tuyên giáo and sets
 * the day its results are due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiepNhanDanVanKheo } from '../../src/workers/jobs/tiep-nhan-dan-van-kheo.worker.js';
import { BadInputError } from '../../src/workers/runtime/business-error.js';
import { job, startBench, type WorkerBench } from './support.js';

let bench: WorkerBench;
beforeAll(async () => {
  bench = await startBench();
}, 60_000);
afterAll(async () => bench?.close());

const UNION = {
  code: 'doan-thanh-nien',
  kind: 'doan-the',
  name: 'Đoàn Thanh niên Khối',
  group: 'doan-the:doan-thanh-nien',
  headGroup: 'doan-the:doan-thanh-nien:lanh-dao',
};
const REGISTRATION = {
  unit: UNION,
  tenMoHinh: 'Thanh niên Khối chung tay vì an sinh',
  ngayBatDau: '2026-01-15',
};

describe('tiep-nhan-dan-van-kheo (Art. 5, 8.4, 9.2)', () => {
  it('files the registration and gives the unit until 17:00 of the day it chose, never a past day', async () => {
    // Today in the bench is 1 May 2026.
    const out = await tiepNhanDanVanKheo.handle(
      job({ ...REGISTRATION, ngayBaoCaoKetQua: '2026-10-30' }, {}, { processInstanceKey: '3101' }),
      bench.deps,
    );
    expect(out).toEqual({
      moHinhId: '3101-dan-van-kheo-dang-ky',
      reportDueDate: '2026-10-30T17:00:00+07:00',
    });
    // A registration returned for completion comes back after the day it had chosen: due today, not in the past.
    const late = await tiepNhanDanVanKheo.handle(
      job({ ...REGISTRATION, ngayBaoCaoKetQua: '2026-04-20' }, {}, { processInstanceKey: '3102' }),
      bench.deps,
    );
    expect(late.reportDueDate).toBe('2026-05-01T17:00:00+07:00');
  });

  it('files the completed registration in place of the one first sent (it runs again after each completion)', async () => {
    const completed = { ...REGISTRATION, tenMoHinh: 'Thanh niên Khối chung tay xây dựng nông thôn mới' };
    await tiepNhanDanVanKheo.handle(
      job({ ...completed, ngayBaoCaoKetQua: '2026-10-30' }, {}, { processInstanceKey: '3101' }),
      bench.deps,
    );
    const filed = await bench.deps.records.findRecord('3101-dan-van-kheo-dang-ky');
    expect(filed?.kind).toBe('dan-van-kheo-dang-ky');
    expect(filed?.data).toMatchObject({ unit: { code: 'doan-thanh-nien' }, tenMoHinh: completed.tenMoHinh });
  });

  it('refuses a unit that is neither a base Party organisation nor a mass organisation (a Bloc body)', async () => {
    const body = { ...UNION, code: 'van-phong', kind: 'ban', group: 'van-phong' };
    await expect(
      tiepNhanDanVanKheo.handle(
        job(
          { ...REGISTRATION, unit: body, ngayBaoCaoKetQua: '2026-10-30' },
          {},
          { processInstanceKey: '3103' },
        ),
        bench.deps,
      ),
    ).rejects.toBeInstanceOf(BadInputError);
    expect(await bench.deps.records.findRecord('3103-dan-van-kheo-dang-ky')).toBeUndefined();
  });
});
