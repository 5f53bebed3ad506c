import { useI18n } from '../../i18n/i18n.js';

const vi = {
  title: 'Tham số quy trình',
  intro:
    'Các thời hạn thay đổi theo từng năm. Hồ sơ bắt đầu sau khi lưu dùng tham số mới; hồ sơ đang xử lý giữ thời hạn đã tính.',
  process: 'Báo cáo công tác dân vận (bao-cao-dan-van)',
  half: 'Kỳ 6 tháng',
  year: 'Kỳ năm',
  reportDue: 'Hạn nộp báo cáo (ngày/tháng)',
  reminderDaysBefore: 'Nhắc trước hạn (ngày)',
  collectionGraceDays: 'Nhận báo cáo muộn thêm (ngày)',
  synthesisDays: 'Thời gian tổng hợp (ngày)',
  approvalDays: 'Thời gian phê duyệt (ngày)',
  note: 'Ghi chú thay đổi (bắt buộc)',
  save: 'Lưu tham số',
  saved: 'Đã lưu tham số, phiên bản {v}.',
  version: 'Phiên bản {v}',
  defaults: 'giá trị mặc định',
  badDay: 'Nhập ngày theo dạng dd/MM, ví dụ 20/05.',
  history: 'Các phiên bản đã lưu',
  by: 'Người lưu',
  at: 'Thời điểm',
  failed: 'Không lưu được tham số.',
  notYet: 'Bảng quyền khởi tạo quy trình và ký hiệu văn bản vẫn nằm trong mã nguồn; chưa chỉnh được ở đây.',
};

const en: typeof vi = {
  title: 'Process settings',
  intro:
    'Deadlines that change every year. Instances started after saving use the new settings; running ones keep the deadlines already computed.',
  process: 'Mass-mobilisation report (bao-cao-dan-van)',
  half: 'Six-monthly period',
  year: 'Annual period',
  reportDue: 'Report deadline (day/month)',
  reminderDaysBefore: 'Reminder before the deadline (days)',
  collectionGraceDays: 'Late reports accepted for (days)',
  synthesisDays: 'Time for the synthesis (days)',
  approvalDays: 'Time for the approval (days)',
  note: 'Change note (required)',
  save: 'Save settings',
  saved: 'Settings saved, version {v}.',
  version: 'Version {v}',
  defaults: 'defaults',
  badDay: 'Enter the day as dd/MM, for example 20/05.',
  history: 'Saved versions',
  by: 'Saved by',
  at: 'When',
  failed: 'The settings could not be saved.',
  notYet:
    'The start table and document numbering symbols are still in the code; they cannot be edited here yet.',
};

export type SettingsTexts = typeof vi;

export function useSettingsTexts(): SettingsTexts {
  return useI18n().locale === 'en' ? en : vi;
}
