import { useI18n } from '../../i18n/i18n.js';

/** The instance migration page's texts (both locales with the same keys; Vietnamese first). */
const vi = {
  open: 'Chuyển hồ sơ sang phiên bản khác',
  title: 'Chuyển hồ sơ đang xử lý sang phiên bản khác',
  intro:
    'Chọn phiên bản nguồn và phiên bản đích, xem trước các hồ sơ sẽ được chuyển, rồi chuyển. Mặc định mỗi bước được chuyển sang bước cùng mã ở phiên bản đích; có thể chọn bước đích khác cho từng bước.',
  source: 'Từ phiên bản',
  target: 'Sang phiên bản',
  running: '{n} hồ sơ đang xử lý',
  preview: 'Xem trước',
  previewAgain: 'Xem trước lại',
  instances: 'Số hồ sơ đang xử lý ở phiên bản {v}: {n}.',
  activeTitle: 'Các bước đang có hồ sơ chờ',
  activeNone: 'Không có hồ sơ nào đang chờ ở phiên bản này.',
  activeRow: '{n} hồ sơ',
  noTarget: 'không có bước đích: hồ sơ sẽ không chuyển được',
  mappingTitle: 'Bước nguồn → bước đích',
  sourceElement: 'Bước ở phiên bản {v}',
  targetElement: 'Bước ở phiên bản {v}',
  notMapped: '— không chuyển —',
  migrate: 'Chuyển hồ sơ',
  migrateConfirm: 'Chuyển {n} hồ sơ từ phiên bản {s} sang phiên bản {t}?',
  migrated: 'Đã chuyển {n} hồ sơ sang phiên bản {t}.',
  failedTitle: 'Hồ sơ không chuyển được ({n})',
  instance: 'Hồ sơ',
  reason: 'Lý do (của bộ máy quy trình)',
  mappingChanged: 'Đã đổi cách chuyển: hãy xem trước lại trước khi chuyển.',
  oneVersion: 'Quy trình này mới có một phiên bản: chưa có gì để chuyển.',
};

const en: typeof vi = {
  open: 'Move instances to another version',
  title: 'Move running instances to another version',
  intro:
    'Choose the source and target versions, preview the instances that would move, then move them. By default each step moves to the step with the same id in the target version; another target can be chosen per step.',
  source: 'From version',
  target: 'To version',
  running: '{n} running',
  preview: 'Preview',
  previewAgain: 'Preview again',
  instances: 'Running instances of version {v}: {n}.',
  activeTitle: 'Steps where instances are waiting',
  activeNone: 'No instance is waiting in this version.',
  activeRow: '{n} instances',
  noTarget: 'no target step: these instances cannot move',
  mappingTitle: 'Source step → target step',
  sourceElement: 'Step in version {v}',
  targetElement: 'Step in version {v}',
  notMapped: '— do not map —',
  migrate: 'Move instances',
  migrateConfirm: 'Move {n} instances from version {s} to version {t}?',
  migrated: 'Moved {n} instances to version {t}.',
  failedTitle: 'Instances that could not move ({n})',
  instance: 'Instance',
  reason: "Reason (the engine's)",
  mappingChanged: 'The mapping changed: preview again before moving.',
  oneVersion: 'This process has a single version: nothing to move yet.',
};

export type MigrationTexts = typeof vi;

export function useMigrationTexts(): MigrationTexts {
  return useI18n().locale === 'en' ? en : vi;
}
