import {
  generateBriefingConclusion,
  generateCommendationDecision,
  generatePersonnelOpinion,
  generateSynthesisReport,
  type Signature,
} from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';

export type Vars = Record<string, unknown>;

export interface IssueFields {
  soKyHieu: string;
  ngayBanHanh: string;
  nguoiKy: string;
  chucVuNguoiKy: string;
  noiNhan?: string | null;
}

const HEADINGS: Record<string, { label: string; unit: string }> = {
  soBuoiQuanTriet: { label: 'Hội nghị, buổi quán triệt, tuyên truyền', unit: 'buổi' },
  soLuotThamDu: { label: 'Lượt cán bộ, đảng viên, người lao động tham dự', unit: 'lượt' },
  soHoiNghiNguoiLaoDong: { label: 'Hội nghị cán bộ, công chức, viên chức, người lao động', unit: 'hội nghị' },
  soMoHinhDanVanKheo: { label: 'Mô hình "Dân vận khéo"', unit: 'mô hình' },
  soLuotTiepCongDan: { label: 'Lượt tiếp công dân', unit: 'lượt' },
  soDonThuTiepNhan: { label: 'Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận', unit: 'đơn' },
  soDonThuDaGiaiQuyet: { label: 'Đơn thư đã giải quyết', unit: 'đơn' },
};

/** The owner groups the conclusions form offers, as the notice names them. */
const OWNER_NAMES: Record<string, string> = {
  'thuong-truc': 'Thường trực Đảng ủy Khối',
  'ban-tuyen-giao': 'Ban Tuyên giáo Đảng ủy Khối',
  'van-phong': 'Văn phòng Đảng ủy Khối',
  'ban-to-chuc': 'Ban Tổ chức Đảng ủy Khối',
  ubkt: 'Ủy ban Kiểm tra Đảng ủy Khối',
  'doan-the:doan-thanh-nien': 'Đoàn Thanh niên Khối',
  'doan-the:hoi-cuu-chien-binh': 'Hội Cựu chiến binh Khối',
  'doan-the:cong-doan-vien-chuc': 'Công đoàn Viên chức tỉnh',
};

function need<T>(vars: Vars, key: string, check: (value: unknown) => value is T, what: string): T {
  const value = vars[key];
  if (!check(value))
    throw new BadInputError(`biến "${key}" ${value == null ? 'bị thiếu' : 'sai kiểu'} (cần ${what})`);
  return value;
}
const isObject = (value: unknown): value is Vars =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const textOr = (value: unknown, fallback: string): string => (isText(value) ? value.trim() : fallback);
const paragraphs = (...values: unknown[]): string[] =>
  values.flatMap((value) =>
    isText(value)
      ? value
          .split(/\n+/)
          .map((line) => line.trim())
          .filter(Boolean)
      : [],
  );

/** "125-BC/ĐUK" → 125. */
export function numberOf(soKyHieu: string): number {
  const match = /^(\d+)-/.exec(soKyHieu);
  if (!match) throw new BadInputError(`số, ký hiệu "${soKyHieu}" không đúng dạng "125-BC/ĐUK"`);
  return Number(match[1]);
}

function recipients(issue: IssueFields, fallback: string[]): string[] {
  const listed = paragraphs(issue.noiNhan)
    .map((line) => line.replace(/^[-–•+]\s*/, '').replace(/[,;.]+$/, ''))
    .filter((line) => line.length > 0 && !/^lưu/i.test(line));
  return listed.length > 0 ? listed : fallback;
}

function signature(issue: IssueFields): Signature {
  const title = issue.chucVuNguoiKy.trim();
  const collective = 'BAN THƯỜNG VỤ';
  if (/^phó bí thư/i.test(title))
    return { authority: { kind: 'deputy-secretary', collective }, name: issue.nguoiKy };
  if (/^bí thư/i.test(title)) return { authority: { kind: 'secretary', collective }, name: issue.nguoiKy };
  return { authority: { kind: 'by-order', collective, title: title.toUpperCase() }, name: issue.nguoiKy };
}

function common(issue: IssueFields, fallback: string[]) {
  return {
    number: numberOf(issue.soKyHieu),
    issuedAt: issue.ngayBanHanh,
    recipients: recipients(issue, fallback),
    signature: signature(issue),
  };
}

function synthesisReport(vars: Vars, issue: IssueFields): Promise<Buffer> {
  const period = need(vars, 'period', isObject, 'kỳ báo cáo');
  const tongHop = need(vars, 'tongHop', isObject, 'kết quả tổng hợp');
  const tong = isObject(tongHop.tong) ? tongHop.tong : {};
  const list = (value: unknown): Vars[] => (isArray(value) ? value.filter(isObject) : []);
  return generateSynthesisReport({
    ...common(issue, ['Ban Thường vụ Đảng ủy Khối', 'Thường trực Đảng ủy Khối']),
    period: { kind: period.kind === '6-thang' ? 'first-half' : 'year', year: Number(period.year) },
    unitsExpected: Number(tongHop.soDonViPhaiBaoCao ?? 0),
    unitsReported: Number(tongHop.soDonViDaBaoCao ?? 0),
    headings: Object.entries(HEADINGS).map(([key, heading]) => ({
      label: heading.label,
      total: typeof tong[key] === 'number' ? tong[key] : 0,
      unit: heading.unit,
    })),
    lateUnits: list(tongHop.donViTre).map((unit) => ({
      name: String(unit.name),
      submittedAt: textOr(unit.ngayTiepNhan, issue.ngayBanHanh),
    })),
    missingUnits: list(tongHop.donViChuaBaoCao).map((unit) => String(unit.name)),
    proposals: list(tongHop.kienNghi).map((item) => ({
      unit: String(item.donVi),
      text: String(item.noiDung),
    })),
    assessment: paragraphs(
      vars.danhGiaChung,
      vars.hanCheTonTai,
      vars.nhiemVuThoiGianToi,
      vars.kienNghiTongHop,
    ),
  });
}

function briefingConclusion(vars: Vars, issue: IssueFields): Promise<Buffer> {
  const period = need(vars, 'period', isObject, 'kỳ giao ban');
  const nhiemVu = isArray(vars.nhiemVu) ? vars.nhiemVu.filter(isObject) : [];
  return generateBriefingConclusion({
    ...common(issue, ['Thường trực Đảng ủy Khối', 'Các Đoàn thể Khối']),
    quarter: Number(period.quarter),
    year: Number(period.year),
    meeting: {
      date: need(vars, 'ngayHop', isText, 'ngày họp'),
      place: need(vars, 'diaDiem', isText, 'địa điểm'),
      chairedBy: `đồng chí ${issue.nguoiKy}, ${issue.chucVuNguoiKy}`,
    },
    attendees: paragraphs(need(vars, 'thanhPhanThamDu', isText, 'thành phần dự')),
    conclusions: paragraphs(need(vars, 'noiDungKetLuan', isText, 'nội dung kết luận')),
    actions: nhiemVu.map((item) => ({
      content: String(item.noiDung),
      ownerUnit: OWNER_NAMES[String(item.donViChuTri)] ?? String(item.donViChuTri),
      dueDate: String(item.hanHoanThanh),
    })),
  });
}

function personnelOpinion(vars: Vars, issue: IssueFields): Promise<Buffer> {
  const unit = need(vars, 'unit', isObject, 'đơn vị đề nghị');
  const agree = vars.quyetDinhBtv === 'dong-y';
  return generatePersonnelOpinion({
    ...common(issue, [`Ban Thường vụ ${String(unit.name)}`]),
    addressee: `Ban Thường vụ ${String(unit.name)}`,
    nomination: { organisation: String(unit.name) },
    candidate: {
      fullName: need(vars, 'hoTenUngVien', isText, 'họ tên ứng viên'),
      currentPosition: textOr(vars.chucVuHienTai, 'không ghi'),
    },
    position: need(vars, 'chucDanh', isText, 'chức danh'),
    term: textOr(vars.nhiemKy, 'không ghi'),
    opinion: agree ? 'agree' : 'disagree',
    ...(agree
      ? {}
      : {
          reasons: paragraphs(vars.lyDoKhongDongY).length
            ? paragraphs(vars.lyDoKhongDongY)
            : ['Chưa đủ điều kiện.'],
        }),
  });
}

function commendationDecision(vars: Vars, issue: IssueFields): Promise<Buffer> {
  const period = need(vars, 'period', isObject, 'kỳ đánh giá');
  const list = isArray(vars.danhSachKhenThuong) ? vars.danhSachKhenThuong.filter(isObject) : [];
  const recognition = (value: unknown) => (value === 'bieu-duong' ? 'Biểu dương' : 'Giấy khen');
  return generateCommendationDecision({
    ...common(issue, ['Các tập thể, cá nhân có tên tại Điều 1']),
    year: Number(period.year),
    bases: [
      'Điều lệ Đảng Cộng sản Việt Nam',
      'Quy chế công tác dân vận ban hành kèm theo Quyết định số 926-QĐ/ĐUK',
    ],
    collectives: list
      .filter((item) => item.loaiDoiTuong === 'tap-the')
      .map((item) => ({
        name: String(item.tenDoiTuong),
        recognition: recognition(item.hinhThuc),
        achievement: textOr(item.thanhTich, '-'),
      })),
    individuals: list
      .filter((item) => item.loaiDoiTuong !== 'tap-the')
      .map((item) => ({
        fullName: String(item.tenDoiTuong),
        unit: textOr(item.chucVuDonVi, textOr(item.donViDeNghi, '-')),
        recognition: recognition(item.hinhThuc),
        achievement: textOr(item.thanhTich, '-'),
      })),
  });
}

export const TEMPLATES: Record<
  string,
  { build(vars: Vars, issue: IssueFields): Promise<Buffer>; fileName: string }
> = {
  'bao-cao-tong-hop-dan-van': { build: synthesisReport, fileName: 'Bao-cao-tong-hop-cong-tac-dan-van' },
  'thong-bao-ket-luan-giao-ban': { build: briefingConclusion, fileName: 'Thong-bao-ket-luan-giao-ban' },
  'van-ban-cho-y-kien-nhan-su': { build: personnelOpinion, fileName: 'Van-ban-cho-y-kien-nhan-su' },
  'quyet-dinh-khen-thuong': { build: commendationDecision, fileName: 'Quyet-dinh-khen-thuong' },
};
