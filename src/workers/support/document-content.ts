import {
  generateBriefingConclusion,
  generateCommendationDecision,
  generatePersonnelOpinion,
  generateSynthesisReport,
  generateUrgentDirective,
  type Signature,
} from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';
import { modelRecognition } from './model-recognition-content.js';
import { complaintReply } from './complaint-reply-content.js';

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

/** Full names of the Bloc's bodies for the conclusion notice (the organisation directory may hold short names). */
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

/** The positions the nomination form offers (form y-kien-nhan-su-de-nghi, field chucDanh), by their code. */
export const POSITION_NAMES: Record<string, string> = {
  'bi-thu-doan-thanh-nien-khoi': 'Bí thư Đoàn Thanh niên Khối',
  'pho-bi-thu-doan-thanh-nien-khoi': 'Phó Bí thư Đoàn Thanh niên Khối',
  'chu-tich-hoi-cuu-chien-binh-khoi': 'Chủ tịch Hội Cựu chiến binh Khối',
  'pho-chu-tich-hoi-cuu-chien-binh-khoi': 'Phó Chủ tịch Hội Cựu chiến binh Khối',
  'chu-tich-cong-doan-vien-chuc-tinh': 'Chủ tịch Công đoàn Viên chức tỉnh',
  'pho-chu-tich-cong-doan-vien-chuc-tinh': 'Phó Chủ tịch Công đoàn Viên chức tỉnh',
};

/** The forms of recognition the proposal form offers (danh-gia-khen-thuong-de-xuat, field hinhThuc), by code. */
export const RECOGNITION_NAMES: Record<string, string> = {
  'bieu-duong': 'Biểu dương',
  'giay-khen': 'Giấy khen của Ban Thường vụ Đảng ủy Khối',
  'de-nghi-cap-tren': 'Đề nghị cấp trên khen thưởng',
};

/** A code of a form's list by its name; text that is no code (typed by hand) is kept as it is. */
function nameOf(names: Record<string, string>, value: string, what: string): string {
  const name = names[value];
  if (name) return name;
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(value))
    throw new BadInputError(`${what} "${value}" không có trong danh mục`);
  return value;
}

/** "Nơi nhận" as the clerk typed it, one recipient a line; the template's list when left empty. */
function recipients(issue: IssueFields, fallback: string[]): string[] {
  const typed = (issue.noiNhan ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return typed.length > 0 ? typed : fallback;
}

/**
 * As Quyết định 926-QĐ/ĐUK is signed: a Secretary or Deputy Secretary signs for the Standing Committee with their own
 * position (T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC); anyone else signs by its order (T/L BAN THƯỜNG VỤ /
 * CHÁNH VĂN PHÒNG).
 */
function signature(issue: IssueFields): Signature {
  const collective = 'Ban Thường vụ';
  // "Phó Bí thư Thường trực Đảng ủy Khối" signs as "PHÓ BÍ THƯ THƯỜNG TRỰC": the body is already in the T/M line;
  // a typed "T/M Ban Thường vụ, …" or "K/T Bí thư, …" and anything after ";" or "(" are not part of the position.
  const position = issue.chucVuNguoiKy
    .split(/[;(]/)[0]!
    .replace(/^\s*(T\/M|T\/L|K\/T|TM\.?|KT\.?)\s+[^,]*,\s*/iu, '')
    .replace(/\s+Đảng ủy Khối.*$/iu, '')
    .trim();
  const name = issue.nguoiKy.trim();
  if (/^(phó )?bí thư(?=\s|$)/iu.test(position))
    return { authority: { kind: 'on-behalf', collective, position }, name };
  return { authority: { kind: 'by-order', collective, title: position }, name };
}

function common(issue: IssueFields, fallback: string[]) {
  return {
    number: issue.soKyHieu.trim(),
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
    // Issued by the Standing Committee: to the bodies above it and to the units, never to itself.
    ...common(issue, [
      'Thường trực Tỉnh ủy (báo cáo)',
      'Ban Dân vận Tỉnh ủy',
      'Các chi, đảng bộ cơ sở',
      'Các Đoàn thể Khối',
    ]),
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
    // Art. 5.3: listed whether or not Thường trực has given its direction yet (same order as tongHop.vanDeBucXuc).
    pressingIssues: list(tongHop.vanDeBucXuc).map((item, index) => {
      const given = isArray(vars.chiDaoVanDeBucXuc) ? vars.chiDaoVanDeBucXuc[index] : undefined;
      const direction = isObject(given) ? given.yKienChiDao : undefined;
      return {
        unit: String(item.donVi),
        text: String(item.noiDung),
        ...(isText(direction) ? { direction: direction.trim() } : {}),
      };
    }),
    assessment: paragraphs(
      vars.danhGiaChung,
      vars.hanCheTonTai,
      vars.nhiemVuThoiGianToi,
      vars.kienNghiTongHop,
    ),
  });
}

/** An action's owner by name: a Bloc body's full name, else the unit's name as the conclusions form offered it. */
function ownerName(group: string, offered: unknown): string {
  const option = (isArray(offered) ? offered.filter(isObject) : []).find((o) => o.value === group);
  return OWNER_NAMES[group] ?? (option && isText(option.label) ? option.label.trim() : group);
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
      // Who chaired (form giao-ban-quy-ket-luan), not who signs the notice.
      ...(isText(vars.chuTri) ? { chairedBy: `đồng chí ${vars.chuTri.trim()}` } : {}),
    },
    attendees: paragraphs(need(vars, 'thanhPhanThamDu', isText, 'thành phần dự')),
    conclusions: paragraphs(need(vars, 'noiDungKetLuan', isText, 'nội dung kết luận')),
    actions: nhiemVu.map((item) => ({
      content: String(item.noiDung),
      ownerUnit: ownerName(String(item.donViChuTri), vars.donViGiaoViec),
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
    position: nameOf(POSITION_NAMES, need(vars, 'chucDanh', isText, 'chức danh').trim(), 'chức danh'),
    procedure: vars.hinhThuc === 'chi-dinh' ? 'appointment' : 'election',
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
  const recognition = (value: unknown) =>
    nameOf(
      RECOGNITION_NAMES,
      need({ hinhThuc: value }, 'hinhThuc', isText, 'hình thức khen thưởng'),
      'hình thức',
    );
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

/** Thường trực's direction on an urgent report (Art. 10.3), as Văn phòng issues it for the round `lanChiDao`. */
function urgentDirective(vars: Vars, issue: IssueFields): Promise<Buffer> {
  const unit = need(vars, 'unit', isObject, 'đơn vị báo cáo');
  const phanCong = need(vars, 'phanCong', isArray, 'phân công xử lý').filter(isObject);
  const subject = need(vars, 'tieuDe', isText, 'trích yếu vụ việc').trim();
  return generateUrgentDirective({
    ...common(issue, [
      String(unit.name),
      'Ban Thường vụ Đảng ủy Khối (báo cáo)',
      'Các đơn vị được giao xử lý',
    ]),
    reportingUnit: String(unit.name),
    // The trích yếu as the unit typed it, without a full stop the title would double.
    subject: subject.charAt(0).toLocaleLowerCase('vi-VN') + subject.slice(1).replace(/[.]+$/, ''),
    occurredAt: need(vars, 'ngayXayRa', isText, 'ngày xảy ra'),
    round: typeof vars.lanChiDao === 'number' ? vars.lanChiDao : 1,
    direction: paragraphs(need(vars, 'yKienChiDao', isText, 'ý kiến chỉ đạo')),
    assignments: phanCong.map((item) => ({
      unit: ownerName(String(item.donViXuLy), vars.donViGiaoViec),
      task: String(item.noiDungGiao),
      dueDate: String(item.hanXuLy),
    })),
  });
}

export const TEMPLATES: Record<
  string,
  {
    build(vars: Vars, issue: IssueFields): Promise<Buffer>;
    fileName: string;
    /** Set when one instance issues the document more than once (one per round): what tells the issues apart. */
    issueOf?(vars: Vars): string;
  }
> = {
  'bao-cao-tong-hop-dan-van': { build: synthesisReport, fileName: 'Bao-cao-tong-hop-cong-tac-dan-van' },
  'thong-bao-ket-luan-giao-ban': { build: briefingConclusion, fileName: 'Thong-bao-ket-luan-giao-ban' },
  'van-ban-cho-y-kien-nhan-su': { build: personnelOpinion, fileName: 'Van-ban-cho-y-kien-nhan-su' },
  'quyet-dinh-khen-thuong': { build: commendationDecision, fileName: 'Quyet-dinh-khen-thuong' },
  'y-kien-chi-dao-dot-xuat': {
    build: urgentDirective,
    fileName: 'Thong-bao-y-kien-chi-dao',
    issueOf: (vars) => `lan-${typeof vars.lanChiDao === 'number' ? vars.lanChiDao : 1}`,
  },
  'cong-nhan-dan-van-kheo': {
    build: (vars, issue) => modelRecognition(vars, (fallback) => common(issue, fallback)),
    fileName: 'Thong-bao-cong-nhan-Dan-van-kheo',
  },
  'tra-loi-don-thu': { build: complaintReply, fileName: 'Van-ban-tra-loi-don' },
};
