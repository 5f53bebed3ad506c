import type { StoredReport } from '../../app/records/index.js';

interface UnitLike {
  code: string;
  name: string;
}

type Listed = Record<string, unknown> & { donVi: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function textsOf(reports: StoredReport[], key: string, when?: string): Listed[] {
  return reports.flatMap((report) => {
    if (when && report.baoCao[when] !== true) return [];
    const value = text(report.baoCao[key]);
    return value ? [{ donVi: report.unitName, noiDung: value }] : [];
  });
}

function itemsOf(reports: StoredReport[], key: string, when?: string): Listed[] {
  return reports.flatMap((report) => {
    if (when && report.baoCao[when] !== true) return [];
    const items = report.baoCao[key];
    if (!Array.isArray(items)) return [];
    return items
      .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
      .map((item) => ({ donVi: report.unitName, ...item }));
  });
}

/**
 * Totals per numeric heading over the accepted reports of the units that had to report, the late and missing
 * units, and the lists each kind of report gathers (processes/README.md, `tong-hop-bao-cao`).
 */
export function synthesise(
  loaiBaoCao: string,
  units: UnitLike[],
  stored: StoredReport[],
): Record<string, unknown> {
  const expected = new Set(units.map((unit) => unit.code));
  const reports = stored.filter((report) => expected.has(report.unitCode));
  const reported = new Set(reports.map((report) => report.unitCode));
  const tong: Record<string, number> = {};
  for (const report of reports)
    for (const [key, value] of Object.entries(report.baoCao))
      if (typeof value === 'number' && Number.isFinite(value)) tong[key] = (tong[key] ?? 0) + value;
  const late = reports.filter((report) => report.quaHan);
  const missing = units.filter((unit) => !reported.has(unit.code));
  const base = {
    soDonViPhaiBaoCao: units.length,
    soDonViDaBaoCao: reports.length,
    soDonViChuaBaoCao: missing.length,
    soDonViTre: late.length,
    donViChuaBaoCao: missing.map((unit) => ({ code: unit.code, name: unit.name })),
    donViTre: late.map((report) => ({
      code: report.unitCode,
      name: report.unitName,
      ngayTiepNhan: new Date(report.acceptedAt).toISOString(),
    })),
    tong,
  };
  if (loaiBaoCao === 'bao-cao-dan-van')
    return {
      ...base,
      kienNghi: textsOf(reports, 'kienNghiDeXuat'),
      vanDeBucXuc: textsOf(reports, 'vanDeBucXuc', 'coVanDeBucXuc'),
      moHinhDanVanKheo: itemsOf(reports, 'moHinhDanVanKheo'),
    };
  if (loaiBaoCao === 'tinh-hinh-quy')
    return {
      ...base,
      // Each organisation's brief, for the briefing pack Ban Tuyên giáo prepares (giao-ban-quy-tai-lieu).
      tinhHinh: reports.map((report) => ({
        donVi: report.unitName,
        tinhHinhDoanVien: report.baoCao.tinhHinhDoanVien,
        ketQuaNoiBat: report.baoCao.ketQuaNoiBat,
        soDoanVienHoiVien: report.baoCao.soDoanVienHoiVien,
        soDonThuKienNghi: report.baoCao.soDonThuKienNghi,
      })),
      vanDeBucXuc: textsOf(reports, 'vanDeBucXuc', 'coVanDeBucXuc'),
      deXuatKienNghi: textsOf(reports, 'deXuatKienNghi'),
    };
  const xepLoai: Record<string, number> = {};
  for (const report of reports) {
    const rating = text(report.baoCao.mucXepLoai);
    if (rating) xepLoai[rating] = (xepLoai[rating] ?? 0) + 1;
  }
  const deNghiKhenThuong = itemsOf(reports, 'deNghiKhenThuong');
  const phanAnhThieuTrachNhiem = itemsOf(reports, 'phanAnhThieuTrachNhiem', 'coPhanAnhThieuTrachNhiem');
  // Art. 11.4: what the units commended themselves, promptly, at their own level (Task_KhenThuongDonVi).
  const khenThuongDonVi = itemsOf(reports, 'khenThuongDonVi');
  return {
    ...base,
    xepLoai,
    deNghiKhenThuong,
    khenThuongDonVi,
    soKhenThuongDonVi: khenThuongDonVi.length,
    phanAnhThieuTrachNhiem,
    soDeNghiKhenThuong: deNghiKhenThuong.length,
    soPhanAnhThieuTrachNhiem: phanAnhThieuTrachNhiem.length,
  };
}
