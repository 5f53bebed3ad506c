/**
 * Art. 11.4 fed by the "Dân vận khéo" process (Art. 5, 8.4, 9.2): the annual review's synthesis (`tong-hop-bao-cao`,
 * `tu-danh-gia`) lists the models recognised in its year, from the outcomes `luu-quyet-dinh` kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luuQuyetDinh } from '../../src/workers/jobs/luu-quyet-dinh.worker.js';
import { tongHopBaoCao } from '../../src/workers/jobs/tong-hop-bao-cao.worker.js';
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
const YEAR_2026 = {
  code: '2026-N',
  kind: 'nam',
  year: 2026,
  label: 'năm 2026',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
};

async function outcome(key: string, vars: Record<string, unknown>): Promise<void> {
  await luuQuyetDinh.handle(
    job(
      { unit: UNION, linhVuc: 'cham-lo-doi-song', ...vars },
      { loaiQuyetDinh: 'dan-van-kheo' },
      { processInstanceKey: key },
    ),
    bench.deps,
  );
}

describe('the annual review lists the "Dân vận khéo" models recognised in its year', () => {
  it('reads the recognised ones of the year, by the date of their notice, with the field by name', async () => {
    await outcome('4101', {
      tenMoHinh: 'Thanh niên Khối chung tay xây dựng nông thôn mới',
      quyetDinhDangKy: 'tiep-nhan',
      quyetDinhCongNhan: 'cong-nhan',
      soKyHieu: '15-TB/ĐUK',
      ngayBanHanh: '2026-11-05',
    });
    // Not recognised, refused at registration, recognised the year before: none of them counts for 2026.
    await outcome('4102', {
      tenMoHinh: 'Mô hình chưa đạt',
      quyetDinhDangKy: 'tiep-nhan',
      quyetDinhCongNhan: 'khong-cong-nhan',
    });
    await outcome('4103', { tenMoHinh: 'Liên hoan cuối năm', quyetDinhDangKy: 'khong-tiep-nhan' });
    await outcome('4104', {
      tenMoHinh: 'Mô hình năm trước',
      quyetDinhCongNhan: 'cong-nhan',
      soKyHieu: '9-TB/ĐUK',
      ngayBanHanh: '2025-12-20',
    });
    const out = (await tongHopBaoCao.handle(
      job({ period: YEAR_2026, units: [UNION] }, { loaiBaoCao: 'tu-danh-gia' }),
      bench.deps,
    )) as { tongHop: Record<string, unknown> };
    expect(out.tongHop.moHinhDanVanKheo).toEqual([
      {
        donVi: 'Đoàn Thanh niên Khối',
        tenMoHinh: 'Thanh niên Khối chung tay xây dựng nông thôn mới',
        linhVuc: 'Chăm lo đời sống người lao động, an sinh xã hội',
        soKyHieu: '15-TB/ĐUK',
        ngayBanHanh: '2026-11-05',
      },
    ]);
    expect(out.tongHop.soMoHinhDanVanKheoCongNhan).toBe(1);
    // The six-monthly reports' synthesis keeps its own list (what the units reported), untouched.
    const reports = (await tongHopBaoCao.handle(
      job({ period: YEAR_2026, units: [UNION] }, { loaiBaoCao: 'bao-cao-dan-van' }),
      bench.deps,
    )) as { tongHop: Record<string, unknown> };
    expect(reports.tongHop.moHinhDanVanKheo).toEqual([]);
  });
});
