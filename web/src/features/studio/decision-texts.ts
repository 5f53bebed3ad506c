import { useI18n } from '../../i18n/i18n.js';

/** The decision tables' texts in the studio (both locales with the same keys; Vietnamese first). */
const vi = {
  listTitle: 'Bảng quyết định',
  listIntro:
    'Các bảng quyết định (DMN) mà bộ máy quy trình đang dùng, các phiên bản đã đưa vào sử dụng và các quyết định trong mỗi bảng.',
  none: 'Chưa có bảng quyết định nào.',
  open: 'Mở bảng quyết định',
  decisions: 'Quyết định',
  createTitle: 'Tạo bảng quyết định mới',
  createId: 'Mã bảng (chữ không dấu, số, gạch ngang)',
  createName: 'Tên bảng',
  create: 'Tạo và mở',
  idInvalid:
    'Mã chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang, gạch dưới hoặc dấu chấm, bắt đầu bằng chữ cái.',
  idTaken: 'Đã có bảng quyết định với mã này: hãy mở bảng đó.',
  editorTitle: 'Bảng quyết định',
  newResource: 'bảng mới, chưa đưa vào sử dụng',
  loading: 'Đang tải trình soạn bảng quyết định…',
  views: 'Xem',
  viewDrd: 'Sơ đồ quyết định',
  deployed: 'Đã đưa vào sử dụng phiên bản {n}.',
  rolledBack: 'Đã quay lại phiên bản {v}: nay là phiên bản {n}.',
};

const en: typeof vi = {
  listTitle: 'Decision tables',
  listIntro: 'The decision tables (DMN) the engine uses, their deployed versions and the decisions in each.',
  none: 'No decision table yet.',
  open: 'Open decision table',
  decisions: 'Decisions',
  createTitle: 'New decision table',
  createId: 'Id (letters without accents, digits, hyphens)',
  createName: 'Name',
  create: 'Create and open',
  idInvalid:
    'An id has only letters without accents, digits, hyphens, underscores or dots, and starts with a letter.',
  idTaken: 'A decision table with this id exists: open it instead.',
  editorTitle: 'Decision table',
  newResource: 'new, not deployed yet',
  loading: 'Loading the decision table editor…',
  views: 'View',
  viewDrd: 'Decision diagram',
  deployed: 'Version {n} deployed.',
  rolledBack: 'Rolled back to version {v}: now version {n}.',
};

export type DecisionTexts = typeof vi;

export function useDecisionTexts(): DecisionTexts {
  return useI18n().locale === 'en' ? en : vi;
}
