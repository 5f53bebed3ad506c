import { useI18n } from '../../i18n/i18n.js';

const vi = {
  listTitle: 'Biểu mẫu',
  listIntro: 'Các biểu mẫu và các bước quy trình đang dùng chúng.',
  usedBy: 'Được dùng ở',
  unused: 'Chưa bước nào dùng',
  versions: 'Phiên bản đã đưa vào sử dụng qua trang này',
  open: 'Mở biểu mẫu',
  editorTitle: 'Biểu mẫu',
  loading: 'Đang tải trình soạn biểu mẫu…',
  preview: 'Xem trước',
  sampleData: 'Dữ liệu mẫu (JSON)',
  sampleInvalid: 'Dữ liệu mẫu không phải JSON hợp lệ.',
  valid: 'Biểu mẫu hợp lệ.',
  note: 'Ghi chú thay đổi (bắt buộc)',
  deploy: 'Đưa vào sử dụng',
  deployed:
    'Đã đưa vào sử dụng biểu mẫu phiên bản {n}. Các bước liên kết biểu mẫu này dùng phiên bản mới từ nay.',
  failed: 'Không tải được dữ liệu. Vui lòng thử lại.',
};

const en: typeof vi = {
  listTitle: 'Forms',
  listIntro: 'The forms and the process steps that use them.',
  usedBy: 'Used by',
  unused: 'No step uses it',
  versions: 'Versions deployed here',
  open: 'Open form',
  editorTitle: 'Form',
  loading: 'Loading the form editor…',
  preview: 'Preview',
  sampleData: 'Sample data (JSON)',
  sampleInvalid: 'The sample data is not valid JSON.',
  valid: 'The form is valid.',
  note: 'Change note (required)',
  deploy: 'Deploy',
  deployed: 'Form version {n} deployed. Steps linking this form use it from now on.',
  failed: 'Could not load the data. Please try again.',
};

export function useFormTexts(): typeof vi {
  return useI18n().locale === 'en' ? en : vi;
}
