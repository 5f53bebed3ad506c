/** The administrators' section's texts in Vietnamese; spread into the Vietnamese table (web/src/i18n/messages.vi.ts). */
export const adminVi = {
  navAdmin: 'Quản trị',
  adminTitle: 'Quản trị hệ thống',
  adminIntro:
    'Quy trình, biểu mẫu, bảng quyết định, tham số quy trình, đơn vị, người dùng và nhật ký hệ thống.',
  adminNavigation: 'Điều hướng quản trị',
  adminNavProcesses: 'Quy trình',
  adminNavForms: 'Biểu mẫu',
  adminNavDecisions: 'Quyết định',
  adminNavSettings: 'Thiết lập',
  adminNavUnits: 'Đơn vị',
  adminNavUsers: 'Người dùng',
  adminNavAudit: 'Nhật ký',
  adminSummaryProcesses: 'Sơ đồ quy trình, các phiên bản đang dùng, đưa phiên bản mới vào sử dụng.',
  adminSummaryForms: 'Biểu mẫu của từng bước và nơi chúng được dùng.',
  adminSummaryDecisions: 'Bảng quyết định (ví dụ điều kiện khen thưởng).',
  adminSummarySettings: 'Tham số quy trình: thời hạn, ngày nhắc, bảng khởi tạo, ký hiệu văn bản.',
  adminSummaryUnits: 'Đơn vị của Khối, nhập danh sách từ bảng tính.',
  adminSummaryUsers: 'Tài khoản, vai trò trong đơn vị, ngừng hoạt động.',
  adminSummaryAudit: 'Nhật ký hệ thống: ai thay đổi gì, đăng nhập, tải tài liệu.',
  adminNotYet: 'Trang này đang được xây dựng.',
  adminForbiddenTitle: 'Không có quyền truy cập',
  adminForbiddenText: 'Chỉ quản trị viên mới vào được phần quản trị hệ thống.',
  noTaskWorkTitle: 'Bạn không có việc trong hộp công việc',
  noTaskWorkText:
    'Công việc của quy trình chỉ giao cho cán bộ và lãnh đạo đơn vị. Tài khoản của bạn không giữ vai trò đó ở đơn vị nào.',
  noTaskWorkAdmin: 'Vào phần quản trị hệ thống',
} as const;
