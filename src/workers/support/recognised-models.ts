import type { RecordStore } from '../../app/records/index.js';
import { MODEL_FIELD_NAMES } from './model-recognition-content.js';

/** A "Dân vận khéo" model recognised in the year, as the annual review lists it (`tongHop.moHinhDanVanKheo`). */
export interface RecognisedModel {
  donVi: string;
  tenMoHinh: string;
  linhVuc: string;
  soKyHieu: string | null;
  ngayBanHanh: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The models recognised in `year` (the year of their notice), from the outcomes `luu-quyet-dinh` kept for the
 * process `dan-van-kheo` (Art. 5, 8.4, 9.2): what the annual review's proposal shows beside the units' nominations
 * (Art. 11.4). Few models a year: read whole, filtered here.
 */
export async function recognisedModels(records: RecordStore, year: number): Promise<RecognisedModel[]> {
  const outcomes = await records.recordsOf('quyet-dinh:dan-van-kheo');
  return outcomes
    .map((record) => record.data)
    .filter((data) => data.quyetDinhCongNhan === 'cong-nhan' && text(data.ngayBanHanh).startsWith(`${year}-`))
    .map((data) => ({
      donVi: text((data.unit as { name?: unknown } | null)?.name),
      tenMoHinh: text(data.tenMoHinh),
      linhVuc: MODEL_FIELD_NAMES[text(data.linhVuc)] ?? text(data.linhVuc),
      soKyHieu: typeof data.soKyHieu === 'string' ? data.soKyHieu : null,
      ngayBanHanh: text(data.ngayBanHanh),
    }))
    .sort((a, b) => a.ngayBanHanh.localeCompare(b.ngayBanHanh) || a.donVi.localeCompare(b.donVi, 'vi'));
}
