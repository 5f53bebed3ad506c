import type { TextKey } from '../../i18n/messages.types.js';
import type { PeriodProcessId, SessionUser, UnitStatusCode } from '../../lib/contracts.js';

/** The statuses in the order the dashboard lists them: the work still to do first. */
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

const NAMES: Record<UnitStatusCode, TextKey> = {
  'not-started': 'statusNotStarted',
  drafting: 'statusDrafting',
  'awaiting-head': 'statusAwaitingHead',
  submitted: 'statusSubmitted',
  returned: 'statusReturned',
  accepted: 'statusAccepted',
  late: 'statusLate',
  missing: 'statusMissing',
};

/** A status's message key; a briefing's brief is final once sent, so there it is "Đã gửi". */
export function statusKey(status: UnitStatusCode, processId?: PeriodProcessId): TextKey {
  if (status === 'submitted' && processId === 'giao-ban-quy') return 'statusSent';
  return NAMES[status];
}

export const PROCESS_NAMES: Record<string, TextKey> = {
  'bao-cao-dan-van': 'processBaoCao',
  'danh-gia-khen-thuong': 'processDanhGia',
  'giao-ban-quy': 'processGiaoBan',
  'y-kien-nhan-su': 'processNhanSu',
  'bao-cao-dot-xuat': 'processDotXuat',
  'dan-van-kheo': 'processDanVanKheo',
  'don-thu-kien-nghi': 'processDonThu',
};

/** The menu offers the dashboard to whom the server lets in (src/app/periods/period-access.ts); it decides. */
export function mayWatchPeriods(user: SessionUser): boolean {
  return user.memberships.some(
    (m) =>
      m.roles.includes('supervisor') ||
      (['ban-tuyen-giao', 'van-phong', 'thuong-truc'].includes(m.unitCode) &&
        (m.roles.includes('staff') || m.roles.includes('head'))),
  );
}
