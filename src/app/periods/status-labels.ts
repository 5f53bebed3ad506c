import type { UnitStatusCode } from '../../shared/contracts/index.js';

/** The order statuses are listed in: the work still to do first. */
export const STATUS_ORDER: readonly UnitStatusCode[] = [
  'late',
  'not-started',
  'drafting',
  'returned',
  'awaiting-head',
  'submitted',
  'accepted',
  'missing',
];

/** The statuses' Vietnamese names (glossary.vi.md), for the export; the screens take theirs from web/src/i18n. */
export const STATUS_LABELS_VI: Record<UnitStatusCode, string> = {
  'not-started': 'Chưa bắt đầu',
  drafting: 'Đang lập báo cáo',
  'awaiting-head': 'Chờ trưởng đơn vị duyệt',
  submitted: 'Đã gửi, chờ tiếp nhận',
  returned: 'Trả lại để hoàn thiện',
  accepted: 'Đã tiếp nhận',
  late: 'Quá hạn, chưa gửi',
  missing: 'Không báo cáo',
};

export function emptyTotals(): Record<UnitStatusCode, number> {
  return Object.fromEntries(STATUS_ORDER.map((code) => [code, 0])) as Record<UnitStatusCode, number>;
}
