import { useI18n } from '../../i18n/i18n.js';

/** The studio's texts (kept beside the feature, both locales with the same keys; Vietnamese first). */
const vi = {
  processesTitle: 'Quy trình',
  processesIntro:
    'Các quy trình đang dùng, các phiên bản đã đưa vào sử dụng và số hồ sơ đang xử lý của mỗi phiên bản.',
  version: 'Phiên bản',
  versionInUse: 'đang dùng',
  deployedBy: 'Người đưa vào sử dụng',
  deployedAt: 'Thời điểm',
  note: 'Ghi chú thay đổi',
  running: 'Hồ sơ đang xử lý',
  fromSeed: 'Cài đặt ban đầu',
  openEditor: 'Mở sơ đồ',
  rollback: 'Quay lại phiên bản này',
  rollbackConfirm: 'Đưa nội dung phiên bản {v} vào sử dụng lại (thành phiên bản mới)?',
  rolledBack: 'Đã quay lại phiên bản {v}: nay là phiên bản {n}.',
  loadFailed: 'Không tải được dữ liệu. Vui lòng thử lại.',
  editorTitle: 'Sơ đồ quy trình',
  loadingModeler: 'Đang tải trình soạn sơ đồ…',
  saveDraft: 'Lưu nháp',
  draftSavedAt: 'Đã lưu nháp lúc {t}',
  draftRestored: 'Đang sửa bản nháp đã lưu lúc {t}.',
  discardDraft: 'Bỏ bản nháp',
  unsaved: 'Có thay đổi chưa lưu',
  leaveConfirm: 'Có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?',
  lintTitle: 'Kiểm tra',
  lintClean: 'Không có lỗi kiểm tra.',
  lintChecking: 'Đang kiểm tra…',
  lintError: 'Lỗi',
  lintWarning: 'Cảnh báo',
  lintBlocks: 'Còn lỗi kiểm tra: chưa thể đưa vào sử dụng.',
  showDiff: 'So sánh với phiên bản đang dùng',
  hideDiff: 'Ẩn so sánh',
  diffTitle: 'Thay đổi so với phiên bản {v}',
  diffNone: 'Không có thay đổi so với phiên bản đang dùng.',
  diffAdded: 'Thêm',
  diffRemoved: 'Xóa',
  diffChanged: 'Sửa',
  diffProperty: 'Thuộc tính',
  diffBefore: 'Trước',
  diffAfter: 'Sau',
  deploy: 'Đưa vào sử dụng',
  deployNote: 'Ghi chú thay đổi (bắt buộc)',
  deployed: 'Đã đưa vào sử dụng phiên bản {n}. Hồ sơ đang xử lý vẫn chạy theo phiên bản cũ.',
  migrationHint:
    'Hồ sơ đang xử lý vẫn chạy theo phiên bản của mình. Sau khi đưa phiên bản mới vào sử dụng, có thể chuyển chúng sang phiên bản mới ở trang Quy trình (nút "Chuyển hồ sơ sang phiên bản khác").',
};

const en: typeof vi = {
  processesTitle: 'Processes',
  processesIntro: 'The processes in use, their deployed versions and the running instances of each version.',
  version: 'Version',
  versionInUse: 'in use',
  deployedBy: 'Deployed by',
  deployedAt: 'When',
  note: 'Change note',
  running: 'Running instances',
  fromSeed: 'Initial installation',
  openEditor: 'Open diagram',
  rollback: 'Roll back to this version',
  rollbackConfirm: 'Deploy the content of version {v} again (as a new version)?',
  rolledBack: 'Rolled back to version {v}: now version {n}.',
  loadFailed: 'Could not load the data. Please try again.',
  editorTitle: 'Process diagram',
  loadingModeler: 'Loading the modeler…',
  saveDraft: 'Save draft',
  draftSavedAt: 'Draft saved at {t}',
  draftRestored: 'Editing the draft saved at {t}.',
  discardDraft: 'Discard draft',
  unsaved: 'Unsaved changes',
  leaveConfirm: 'There are unsaved changes. Leave and lose them?',
  lintTitle: 'Checks',
  lintClean: 'No problems found.',
  lintChecking: 'Checking…',
  lintError: 'Error',
  lintWarning: 'Warning',
  lintBlocks: 'There are errors: the diagram cannot be deployed.',
  showDiff: 'Compare with the version in use',
  hideDiff: 'Hide comparison',
  diffTitle: 'Changes against version {v}',
  diffNone: 'No changes against the version in use.',
  diffAdded: 'Added',
  diffRemoved: 'Removed',
  diffChanged: 'Changed',
  diffProperty: 'Property',
  diffBefore: 'Before',
  diffAfter: 'After',
  deploy: 'Deploy',
  deployNote: 'Change note (required)',
  deployed: 'Version {n} deployed. Running instances stay on their version.',
  migrationHint:
    'Running instances stay on their version. Once a new version is deployed, they can be moved to it from the Processes page ("Move instances to another version").',
};

export type StudioTexts = typeof vi;

export function useStudioTexts(): StudioTexts {
  return useI18n().locale === 'en' ? en : vi;
}

/** Fills {name} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
