import { formatDate, formatTime, parseCalendarDate } from '../../shared/vn-date.js';

type Vars = Record<string, unknown>;

const obj = (value: unknown): Vars =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Vars) : {};
const str = (value: unknown, fallback = ''): string =>
  typeof value === 'string' && value.length > 0 ? value : fallback;

/** "2026-05-20T17:00:00+07:00" → "17:00 ngày 20/05/2026"; a calendar date "2026-05-20" → "ngày 20/05/2026". */
function when(value: unknown): string {
  const text = str(value);
  const day = formatDate(text);
  if (!day) return str(value, '(chưa định)');
  return parseCalendarDate(text) ? `ngày ${day}` : `${formatTime(text)} ngày ${day}`;
}

const COMPLAINT_KINDS: Record<string, string> = {
  'khieu-nai': 'khiếu nại',
  'to-cao': 'tố cáo',
  'kien-nghi': 'kiến nghị',
  'phan-anh': 'phản ánh',
};
const complaintKind = (vars: Vars): string =>
  COMPLAINT_KINDS[str(vars.phanLoai, str(vars.loaiDon))] ?? 'khiếu nại, tố cáo, kiến nghị, phản ánh';

/** Subject and body of each kind of notice (processes/README.md, `gui-thong-bao`). */
export function noticeText(kind: string, vars: Vars): { subject: string; text: string } {
  const period = str(obj(vars.period).label, '');
  const unit = str(obj(vars.unit).name, 'đơn vị');
  const vanBan = obj(vars.vanBan);
  const nhiemVu = obj(vars.nhiemVuItem);
  switch (kind) {
    case 'giao-bao-cao':
      return {
        subject: `Triển khai báo cáo kết quả công tác dân vận ${period}`,
        text: `Đề nghị các đơn vị lập báo cáo kết quả công tác dân vận ${period}, gửi Ban Tuyên giáo Đảng ủy Khối trước ${when(vars.reportDueDate)} (Điều 10.2, 11.3 Quy chế công tác dân vận).`,
      };
    case 'giao-danh-gia':
      return {
        subject: `Triển khai đánh giá công tác dân vận ${period}`,
        text: `Đề nghị các đơn vị tự đánh giá, xếp loại công tác dân vận ${period} và đề nghị khen thưởng, gửi trước ${when(vars.evaluationDueDate)} (Điều 11.4).`,
      };
    case 'nhac-han':
      return {
        subject: `Nhắc hạn gửi báo cáo ${period} — ${unit}`,
        text: `${unit} chưa gửi báo cáo ${period}. Hạn gửi: ${when(vars.reportDueDate ?? vars.briefDueDate ?? vars.evaluationDueDate)}.`,
      };
    case 'qua-han':
      return {
        subject: `Đơn vị quá hạn gửi báo cáo ${period}: ${unit}`,
        text: `${unit} đã quá hạn gửi báo cáo ${period} (hạn ${when(vars.reportDueDate ?? vars.briefDueDate ?? vars.evaluationDueDate)}). Ban Tuyên giáo theo dõi, đôn đốc.`,
      };
    case 'bao-cao-tong-hop':
      return {
        subject: `Báo cáo tổng hợp kết quả công tác dân vận ${period}`,
        text: `Văn bản ${str(vanBan.soKyHieu)} (${str(vanBan.tenTep)}) đã được ban hành.`,
      };
    case 'moi-giao-ban':
      return {
        subject: `Giấy mời giao ban công tác dân vận ${period}`,
        text: `Kính mời dự giao ban công tác dân vận ${period} lúc ${str(vars.gioHop)} ngày ${when(vars.ngayHop)} tại ${str(vars.diaDiem)}. Các Đoàn thể gửi báo cáo tình hình trước ${when(vars.briefDueDate)}.`,
      };
    case 'thong-bao-ket-luan':
      return {
        subject: `Thông báo kết luận giao ban công tác dân vận ${period}`,
        text: `Thông báo kết luận ${str(vanBan.soKyHieu)} đã được ban hành; các đơn vị thực hiện nhiệm vụ được giao.`,
      };
    case 'qua-han-nhiem-vu':
      return {
        subject: 'Nhiệm vụ sau giao ban quá hạn',
        text: `Nhiệm vụ "${str(nhiemVu.noiDung)}" (đơn vị chủ trì ${str(nhiemVu.donViChuTri)}) đã quá hạn ${when(nhiemVu.hanHoanThanh)}.`,
      };
    case 'nhac-han-nhan-su':
      // No candidate's name in a reminder: personnel data stays in the tasks of those entitled to it.
      return {
        subject: `Nhắc hạn: ${str(vars.viecCanLam)} — đề nghị nhân sự của ${unit}`,
        text: `Đề nghị nhân sự của ${unit} đã đến hạn ${when(vars.hanXuLy)} cho việc "${str(vars.viecCanLam)}" mà chưa hoàn thành. Đề nghị xử lý kịp thời (Điều 4.2 Quy chế công tác dân vận).`,
      };
    case 'ket-qua-y-kien-nhan-su':
      return {
        subject: `Ý kiến của Ban Thường vụ về nhân sự: ${str(vars.hoTenUngVien)}`,
        text: `Ban Thường vụ Đảng ủy Khối ${vars.quyetDinhBtv === 'dong-y' ? 'đồng ý' : 'không đồng ý'} với đề nghị nhân sự ${str(vars.hoTenUngVien)} của ${unit}. Văn bản ${str(vanBan.soKyHieu)}.`,
      };
    case 'ket-qua-khen-thuong':
      return {
        subject: `Quyết định khen thưởng công tác dân vận ${period}`,
        text: `Quyết định ${str(vanBan.soKyHieu)} khen thưởng tập thể, cá nhân có thành tích xuất sắc trong công tác dân vận ${period} đã được ban hành.`,
      };
    case 'bao-cao-dot-xuat':
      return {
        subject: `Báo cáo đột xuất của ${unit}: ${str(vars.tieuDe)}`,
        text: `${unit} báo cáo đột xuất với Ban Thường vụ, Thường trực Đảng ủy Khối (Điều 10.3 Quy chế công tác dân vận): "${str(vars.tieuDe)}". Đề nghị Thường trực chỉ đạo xử lý trước ${when(vars.directiveDueDate)}.`,
      };
    case 'chi-dao-dot-xuat':
      return {
        subject: `Ý kiến chỉ đạo của Thường trực về báo cáo đột xuất: ${str(vars.tieuDe)}`,
        text: `Thường trực Đảng ủy Khối đã chỉ đạo xử lý vụ việc "${str(vars.tieuDe)}" do ${unit} báo cáo (Thông báo ${str(vanBan.soKyHieu)}). Các đơn vị được giao xử lý và báo cáo kết quả đúng hạn.`,
      };
    case 'nhac-han-dot-xuat':
      return {
        subject: `Nhắc hạn: ${str(vars.viecCanLam)} — báo cáo đột xuất của ${unit}`,
        text: `Việc "${str(vars.viecCanLam)}" về vụ việc "${str(vars.tieuDe)}" do ${unit} báo cáo đã đến hạn ${when(vars.hanXuLy)} mà chưa hoàn thành. Đề nghị xử lý kịp thời (Điều 10.3 Quy chế công tác dân vận).`,
      };
    case 'ket-thuc-dot-xuat':
      return {
        subject: `Kết thúc vụ việc báo cáo đột xuất: ${str(vars.tieuDe)}`,
        text: `Thường trực Đảng ủy Khối đã kết thúc theo dõi vụ việc "${str(vars.tieuDe)}" do ${unit} báo cáo. ${str(vars.ketLuan, str(vars.yKienChiDao))}`,
      };
    case 'dang-ky-dan-van-kheo':
      return {
        subject: `Đăng ký mô hình "Dân vận khéo" của ${unit}: ${str(vars.tenMoHinh)}`,
        text: `${unit} đăng ký mô hình "Dân vận khéo" "${str(vars.tenMoHinh)}". Đề nghị Ban Tuyên giáo, cơ quan thường trực Ban Chỉ đạo Phong trào thi đua "Dân vận khéo" (Điều 5 Quy chế công tác dân vận), xem xét tiếp nhận.`,
      };
    case 'tiep-nhan-dan-van-kheo':
      return {
        subject: `Ban Tuyên giáo tiếp nhận mô hình "Dân vận khéo": ${str(vars.tenMoHinh)}`,
        text: `Ban Tuyên giáo Đảng ủy Khối đã tiếp nhận, theo dõi mô hình "${str(vars.tenMoHinh)}" của ${unit}. Đề nghị đơn vị báo cáo kết quả thực hiện trước ${when(vars.reportDueDate)}. ${str(vars.yKienXemXet)}`.trim(),
      };
    case 'nhac-han-dan-van-kheo':
      return {
        subject: `Nhắc hạn: báo cáo kết quả mô hình "Dân vận khéo" — ${unit}`,
        text: `${unit} chưa báo cáo kết quả thực hiện mô hình "${str(vars.tenMoHinh)}"; hạn báo cáo: ${when(vars.reportDueDate)}.`,
      };
    case 'ket-qua-dan-van-kheo':
      return {
        subject: `Kết quả mô hình "Dân vận khéo": ${str(vars.tenMoHinh)}`,
        text:
          vars.quyetDinhCongNhan === 'cong-nhan'
            ? `Mô hình "${str(vars.tenMoHinh)}" của ${unit} được công nhận là mô hình "Dân vận khéo" (Thông báo ${str(vanBan.soKyHieu)}).`
            : vars.quyetDinhDangKy === 'khong-tiep-nhan'
              ? `Ban Tuyên giáo Đảng ủy Khối không tiếp nhận mô hình "${str(vars.tenMoHinh)}" của ${unit}: ${str(vars.yKienXemXet)}`
              : `Mô hình "${str(vars.tenMoHinh)}" của ${unit} chưa được công nhận: ${str(vars.nhanXetDanhGia)}`,
      };
    // Complaints (Art. 8.3, 6, 4.3): the kind, the unit and the dates only — never the sender or the content, which
    // only the unit and the bodies the regulation names read in the task itself.
    case 'nhac-han-don-thu':
      return {
        subject: `Nhắc hạn giải quyết đơn thư — ${unit}`,
        text: `Đơn thư (${complaintKind(vars)}) ${unit} tiếp nhận ${when(vars.ngayTiepNhan)} chưa được trả lời; hạn giải quyết ${when(vars.handlingDueDate)} (Điều 8.3 Quy chế công tác dân vận).`,
      };
    case 'qua-han-don-thu':
      return {
        subject: `Đơn thư quá hạn giải quyết — ${unit}`,
        text: `Đơn thư (${complaintKind(vars)}) ${unit} tiếp nhận ${when(vars.ngayTiepNhan)} đã quá hạn giải quyết ${when(vars.handlingDueDate)} mà chưa trả lời người gửi. Đề nghị chỉ đạo giải quyết kịp thời (Điều 4.3, 8.3 Quy chế công tác dân vận).`,
      };
    case 'tra-loi-don-thu':
      return {
        subject: `Đã trả lời đơn thư — ${unit}`,
        text: `${unit} đã giải quyết và trả lời người gửi đơn thư (${complaintKind(vars)}) tiếp nhận ${when(vars.ngayTiepNhan)}: văn bản ${str(vanBan.soKyHieu)}.`,
      };
    default:
      throw new Error(`loại thông báo "${kind}" không có`);
  }
}
