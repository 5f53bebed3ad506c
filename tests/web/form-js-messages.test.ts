import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { translateFormJsMessage } from '../../web/src/features/forms/form-js-messages.vi.js';
import { translateUiText } from '../../web/src/features/forms/form-js-words.vi.js';

/** The messages form-js 1.23's validator pushes, read from its own bundle, with sample values in the templates. */
function formJsMessages(): string[] {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(
    require.resolve('@bpmn-io/form-js-viewer').replace(/index\.cjs$/, 'index.es.js'),
    'utf8',
  );
  const start = bundle.indexOf('class Validator {');
  const end = bundle.indexOf('function evaluateFEELValues(', start);
  if (start < 0 || end < 0) throw new Error("form-js's Validator was not found in its bundle");
  const validator = bundle.slice(start, end);
  const found = new Set<string>();
  for (const match of validator.matchAll(/errors\.push\(([^;]+)\);/g)) {
    const expression = match[1] ?? '';
    if (expression.includes('patternErrorMessage')) {
      found.add('Field must match pattern ^[0-9]+$.');
      continue;
    }
    if (expression.startsWith("'Value is expected to ' +")) {
      found.add('Value is expected to be an integer.');
      found.add('Value is expected to have at most 1 decimal digit.');
      found.add('Value is expected to have at most 2 decimal digits.');
      continue;
    }
    const literal = /^['`](.*)['`]$/s.exec(expression.trim());
    if (!literal) throw new Error(`unrecognised form-js message expression: ${expression}`);
    found.add((literal[1] ?? '').replace(/\$\{[^}]+\}/g, '7'));
  }
  return [...found];
}

describe("form-js's validation messages in Vietnamese", () => {
  it('translates every message form-js 1.23 can show (read from its bundle, so an upgrade adding one fails here)', () => {
    const messages = formJsMessages();
    expect(messages.length).toBeGreaterThanOrEqual(12);
    for (const message of messages) {
      const translated = translateFormJsMessage(message);
      expect(translated, message).not.toBe(message);
      expect(translated, message).not.toMatch(/\b(Field|Value|must|Please)\b/);
    }
  });

  it('keeps the values of the message', () => {
    expect(translateFormJsMessage('Field is required.')).toBe('Trường này là bắt buộc.');
    expect(translateFormJsMessage('Field must have minimum length of 20.')).toBe(
      'Độ dài tối thiểu là 20 ký tự.',
    );
    expect(translateFormJsMessage('Field must have maximum value of 100.')).toBe(
      'Giá trị phải nhỏ hơn hoặc bằng 100.',
    );
    expect(
      translateFormJsMessage('Please select a valid value, the two nearest valid values are 10 and 15.'),
    ).toBe('Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là 10 và 15.');
  });

  it('never shows the regular expression of a pattern', () => {
    expect(translateFormJsMessage('Field must match pattern ^[0-9]{4}-[0-9]{4}$.')).toBe(
      'Giá trị không đúng định dạng yêu cầu.',
    );
  });

  it("leaves a form author's own message unchanged", () => {
    expect(translateFormJsMessage('Mã số đảng viên gồm 8 chữ số.')).toBe('Mã số đảng viên gồm 8 chữ số.');
  });
});

/** form-js 1.23's bundle (the ES build the app bundles). */
function formJsBundle(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(
    require.resolve('@bpmn-io/form-js-viewer').replace(/index\.cjs$/, 'index.es.js'),
    'utf8',
  );
}

describe("form-js's own interface words in Vietnamese", () => {
  /** Each word as form-js 1.23 writes it in its bundle, and the text it renders (a number where it puts one). */
  const words: [source: string, rendered: string, vi: string][] = [
    ["valueLabel || 'Select'", 'Select', 'Chọn'],
    ["placeholder: 'Search'", 'Search', 'Tìm kiếm'],
    ["emptyListMessage = 'No results'", 'No results', 'Không có kết quả'],
    ["'All values selected'", 'All values selected', 'Đã chọn tất cả'],
    ['" ", \'Add new\']', 'Add new', 'Thêm mới'],
    ['" ", \'Collapse\']', 'Collapse', 'Thu gọn'],
    ['`Expand all (${values.length - 1})`', 'Expand all (3)', 'Mở rộng tất cả (3)'],
    ['`Remove list item ${itemIndex + 1}`', 'Remove list item 2', 'Xóa mục thứ 2'],
    ['"aria-label": "Increment"', 'Increment', 'Tăng'],
    ['"aria-label": "Decrement"', 'Decrement', 'Giảm'],
    ['label: "Skip to search"', 'Skip to search', 'Bỏ qua, đến ô tìm kiếm'],
    ['title: "Remove tag"', 'Remove tag', 'Bỏ mục này'],
    // The table of the review forms (issue 16): sorting headers, the empty table, the pages.
    [
      '`Click to sort by ${label} descending`',
      'Click to sort by Đơn vị descending',
      'Sắp xếp theo Đơn vị, giảm dần',
    ],
    [
      '`Click to sort by ${label} ascending`',
      'Click to sort by Thành tích ascending',
      'Sắp xếp theo Thành tích, tăng dần',
    ],
    ["'Click to remove sorting'", 'Click to remove sorting', 'Bỏ sắp xếp'],
    ["'Nothing to show.'", 'Nothing to show.', 'Không có dữ liệu.'],
    ['"aria-label": "Previous page"', 'Previous page', 'Trang trước'],
    ['"aria-label": "Next page"', 'Next page', 'Trang sau'],
    ['" of "', ' of ', ' trên '],
    ['children: "Browse"', 'Browse', 'Chọn tệp'],
    ["'No files selected'", 'No files selected', 'Chưa chọn tệp nào'],
    ['`${files.length} files selected`', '2 files selected', 'Đã chọn 2 tệp'],
  ];

  it('translates each word form-js 1.23 renders (found in its bundle, so an upgrade changing one fails here)', () => {
    const bundle = formJsBundle();
    for (const [source, rendered, vi] of words) {
      expect(bundle, source).toContain(source);
      expect(translateUiText(rendered, 'vi'), rendered).toBe(vi);
    }
  });

  it('switches back to English and keeps the spaces around a word', () => {
    for (const [, rendered, vi] of words) expect(translateUiText(vi, 'en'), vi).toBe(rendered);
    expect(translateUiText(' Add new', 'vi')).toBe(' Thêm mới');
  });

  it('leaves every other text alone, also a word already in the wanted language', () => {
    expect(translateUiText('Năm của kỳ báo cáo', 'vi')).toBeUndefined();
    expect(translateUiText('Selected', 'vi')).toBeUndefined();
    expect(translateUiText('Remove list item two', 'vi')).toBeUndefined();
    expect(translateUiText('Thêm mới', 'vi')).toBeUndefined();
    expect(translateUiText('Add new', 'en')).toBeUndefined();
    expect(translateUiText(' ', 'vi')).toBeUndefined();
  });
});
