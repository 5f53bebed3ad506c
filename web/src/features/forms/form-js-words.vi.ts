import type { Locale } from '../../i18n/messages.types.js';

/**
 * form-js 1.23 writes its own interface words in English and has no translation service (bpmn-io/form-js#1513, a
 * proposal to add one, was closed unmerged). While the app is in Vietnamese they are replaced in the rendered form;
 * switching back to English restores form-js's words. `{n}` stands for a number form-js puts into the text, `{s}`
 * for a text (a table column's label).
 */
const TEXTS: readonly (readonly [en: string, vi: string])[] = [
  // The empty select, the search box of selects and tag lists, the empty dropdown.
  ['Select', 'Chọn'],
  ['Search', 'Tìm kiếm'],
  ['No results', 'Không có kết quả'],
  ['All values selected', 'Đã chọn tất cả'],
  // The dynamic list: add, collapse/expand, and the remove button of each item (its aria-label).
  ['Add new', 'Thêm mới'],
  ['Collapse', 'Thu gọn'],
  ['Expand all ({n})', 'Mở rộng tất cả ({n})'],
  ['Remove list item {n}', 'Xóa mục thứ {n}'],
  // The number field's arrows (aria-labels).
  ['Increment', 'Tăng'],
  ['Decrement', 'Giảm'],
  // The tag list's skip link and the remove button of a tag (its title).
  ['Skip to search', 'Bỏ qua, đến ô tìm kiếm'],
  ['Remove tag', 'Bỏ mục này'],
  // The date picker's month and year inputs (aria-labels flatpickr writes once, when form-js creates it).
  ['Month', 'Tháng'],
  ['Year', 'Năm'],
  // The table (review forms list what is judged): the sorting header's aria-label, the empty table, its pages.
  ['Click to sort by {s} descending', 'Sắp xếp theo {s}, giảm dần'],
  ['Click to sort by {s} ascending', 'Sắp xếp theo {s}, tăng dần'],
  ['Click to remove sorting', 'Bỏ sắp xếp'],
  ['Nothing to show.', 'Không có dữ liệu.'],
  ['Previous page', 'Trang trước'],
  ['Next page', 'Trang sau'],
  ['of', 'trên'],
  // The file picker's button and what it says of the files chosen (one file shows its own name).
  ['Browse', 'Chọn tệp'],
  ['No files selected', 'Chưa chọn tệp nào'],
  ['{n} files selected', 'Đã chọn {n} tệp'],
  // The title of the bpmn.io logo under the form.
  ['Powered by bpmn.io', 'Xây dựng trên nền bpmn.io'],
];

interface Rule {
  from: RegExp;
  to: string;
}

function compile(from: string, to: string): Rule {
  const escaped = from
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace('\\{n\\}', '(\\d+)')
    .replace('\\{s\\}', '(.+)');
  return { from: new RegExp(`^${escaped}$`), to: to.replace('{n}', '$1').replace('{s}', '$1') };
}

const RULES: Record<Locale, Rule[]> = {
  vi: TEXTS.map(([en, vi]) => compile(en, vi)),
  en: TEXTS.map(([en, vi]) => compile(vi, en)),
};

/** form-js's text in the given locale (from the other one); undefined when it is not one of form-js's own words. */
export function translateUiText(text: string, locale: Locale): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  for (const rule of RULES[locale])
    if (rule.from.test(trimmed)) return text.replace(trimmed, trimmed.replace(rule.from, rule.to));
  return undefined;
}

/**
 * The calendar of form-js's date fields is flatpickr's, created by form-js with flatpickr's English texts. flatpickr's
 * own extension point, `instance.set({ locale })`, switches an instance's month and weekday names; the days'
 * aria-labels follow `ariaDateFormat`. The month and year inputs' aria-labels, written once, are translated with
 * form-js's words. The Vietnamese table is written here: flatpickr is form-js's dependency, not the app's.
 */
export const FLATPICKR_VIETNAMESE = {
  weekdays: {
    shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
    longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  },
  months: {
    shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
    // As dates are written in Vietnamese ("tháng 11"); the names fit flatpickr's narrow month menu.
    longhand: [
      'Tháng 1',
      'Tháng 2',
      'Tháng 3',
      'Tháng 4',
      'Tháng 5',
      'Tháng 6',
      'Tháng 7',
      'Tháng 8',
      'Tháng 9',
      'Tháng 10',
      'Tháng 11',
      'Tháng 12',
    ],
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' đến ',
  weekAbbreviation: 'Tuần',
  scrollTitle: 'Cuộn để tăng',
  toggleTitle: 'Nhấn để chuyển',
  yearAriaLabel: 'Năm',
  monthAriaLabel: 'Tháng',
  hourAriaLabel: 'Giờ',
  minuteAriaLabel: 'Phút',
  time_24hr: true,
};

/** The aria-label of each day: 26/10/2026 in Vietnamese, flatpickr's own "October 26, 2026" in English. */
export const FLATPICKR_ARIA_DATE_FORMAT: Record<Locale, string> = { vi: 'd/m/Y', en: 'F j, Y' };
