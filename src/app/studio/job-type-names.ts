/** Vietnamese names of our job types, for the modeler's choice of a service task (element templates). */
const NAMES: Record<string, string> = {
  'xac-dinh-ky-bao-cao': 'Xác định kỳ báo cáo và thời hạn',
  'xac-dinh-don-vi-bao-cao': 'Xác định các đơn vị phải báo cáo',
  'luu-bao-cao': 'Lưu báo cáo',
  'tong-hop-bao-cao': 'Tổng hợp báo cáo',
  'tao-van-ban': 'Tạo văn bản',
  'gui-thong-bao': 'Gửi thông báo',
  'xac-dinh-ky-giao-ban': 'Xác định kỳ giao ban',
  'xac-dinh-han-giao-ban': 'Tính hạn tài liệu theo ngày giao ban',
  'danh-sach-don-vi-giao-viec': 'Lấy danh sách đơn vị nhận nhiệm vụ',
  'xac-dinh-ky-danh-gia': 'Xác định kỳ đánh giá',
  'luu-quyet-dinh': 'Lưu quyết định',
  'luu-ho-so-nhan-su': 'Lưu hồ sơ nhân sự',
  'cap-nhat-nhiem-vu': 'Cập nhật nhiệm vụ',
  'tiep-nhan-bao-cao-dot-xuat': 'Tiếp nhận báo cáo đột xuất',
  'tiep-nhan-dan-van-kheo': 'Tiếp nhận đăng ký mô hình "Dân vận khéo"',
  'tiep-nhan-don-thu': 'Vào sổ đơn thư',
};

export function jobTypeName(type: string): string {
  return NAMES[type] ?? type;
}
