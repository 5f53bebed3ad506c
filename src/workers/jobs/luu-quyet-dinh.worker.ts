import { Type } from '@sinclair/typebox';
import { BadInputError } from '../runtime/business-error.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

const PERSONNEL_KEYS = [
  'hoSoId',
  'unit',
  'quyetDinhBtv',
  'lyDoKhongDongY',
  'ngayHopBtv',
  'soThanhVienBtv',
  'soDongY',
];
const COMMENDATION_KEYS = [
  'period',
  'danhSachKhenThuong',
  'ketLuanXuLy',
  'yKienUbkt',
  'soKyHieu',
  'ngayBanHanh',
];
/** An urgent report's outcome (Art. 10.3): what was reported, every direction and handling report, the conclusion. */
const URGENT_REPORT_KEYS = [
  'baoCaoDotXuatId',
  'unit',
  'tieuDe',
  'huongXuLy',
  'yKienChiDao',
  'lichSuXuLy',
  'ketLuan',
];
/**
 * A "Dân vận khéo" model's outcome (Art. 5, 8.4, 9.2): the registration, Ban Tuyên giáo's review, the results and,
 * when recognised, the notice. The annual review reads the recognised ones (`tong-hop-bao-cao`, `tu-danh-gia`).
 */
const MODEL_KEYS = [
  'moHinhId',
  'unit',
  'tenMoHinh',
  'linhVuc',
  'ngayBatDau',
  'quyetDinhDangKy',
  'yKienXemXet',
  'soNguoiThamGia',
  'ketQuaDatDuoc',
  'quyetDinhCongNhan',
  'nhanXetDanhGia',
  'soKyHieu',
  'ngayBanHanh',
  'vanBan',
];

/** A complaint's outcome (Art. 8.3, 6, 4.3): the register entry, the classification, advice, direction and answer. */
const COMPLAINT_KEYS = [
  'donThuId',
  'unit',
  'loaiDon',
  'phanLoai',
  'tomTat',
  'canThamMuuUbkt',
  'yKienThamMuu',
  'yKienChiDao',
  'ketQuaGiaiQuyet',
  'ngayGiaiQuyet',
  'soKyHieu',
  'ngayBanHanh',
];

/** Records the Standing Committee's decision; one record per process instance and kind, the latest one kept. */
export const luuQuyetDinh = defineWorker({
  type: 'luu-quyet-dinh',
  input: Type.Object({}),
  async handle(job, { records, clock }) {
    const kind = requireHeader(job, 'loaiQuyetDinh');
    const vars = job.variables as Record<string, unknown>;
    let keys: string[];
    if (kind === 'y-kien-nhan-su') {
      if (vars.quyetDinhBtv !== 'dong-y' && vars.quyetDinhBtv !== 'khong-dong-y')
        throw new BadInputError(`biến "quyetDinhBtv" phải là "dong-y" hoặc "khong-dong-y"`);
      keys = PERSONNEL_KEYS;
    } else if (kind === 'khen-thuong') {
      if (typeof vars.period !== 'object' || vars.period === null)
        throw new BadInputError('thiếu biến "period"');
      keys = COMMENDATION_KEYS;
    } else if (kind === 'bao-cao-dot-xuat') {
      if (typeof vars.tieuDe !== 'string') throw new BadInputError('thiếu biến "tieuDe"');
      keys = URGENT_REPORT_KEYS;
    } else if (kind === 'dan-van-kheo') {
      if (typeof vars.tenMoHinh !== 'string') throw new BadInputError('thiếu biến "tenMoHinh"');
      keys = MODEL_KEYS;
    } else if (kind === 'don-thu-kien-nghi') {
      if (typeof vars.donThuId !== 'string') throw new BadInputError('thiếu biến "donThuId"');
      keys = COMPLAINT_KEYS;
    } else throw new BadInputError(`loại quyết định "${kind}" không có`);
    const data = Object.fromEntries(keys.map((key) => [key, vars[key] ?? null]));
    const quyetDinhId = await records.saveRecord(
      {
        key: `${job.processInstanceKey}-${kind}`,
        kind: `quyet-dinh:${kind}`,
        processInstanceKey: job.processInstanceKey,
        data,
      },
      clock.now(),
      true,
    );
    return { quyetDinhId };
  },
});
