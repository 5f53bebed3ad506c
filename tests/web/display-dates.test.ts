import { describe, expect, it } from 'vitest';
import {
  displayDate,
  withDisplayDates,
  withOriginalDates,
} from '../../web/src/features/forms/display-dates.js';
import type { FormSchema } from '../../web/src/lib/contracts.js';

const schema = {
  type: 'default',
  components: [
    {
      type: 'text',
      id: 'Text_1',
      text: '**Hạn gửi:** {{reportDueDate}} — họp {{ngayHop}} — {{nhiemVuItem.hanHoanThanh}} — {{if x = "2026-01-01" then "a" else "b"}}',
    },
    {
      type: 'datetime',
      id: 'Field_ngay',
      key: 'ngayBanHanh',
      subtype: 'date',
      dateLabel: 'Ngày {{ngayBanHanh}}',
    },
    {
      type: 'dynamiclist',
      id: 'List_1',
      path: 'nhiemVu',
      components: [{ type: 'datetime', id: 'Field_han', key: 'han', subtype: 'date' }],
    },
    { type: 'text', id: 'Text_2', text: 'Kỳ {{period.label}}, tạo {{createdAt}}, {{x}}, {{ngayKy}}' },
    { type: 'textfield', id: 'Field_ky', key: 'kyHieu', conditional: { hide: '=ngayKy > "2026-01-01"' } },
  ],
} as unknown as FormSchema;

describe('dates shown by form templates', () => {
  it('writes ISO dates and date-times as dd/MM/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(displayDate('2026-05-20')).toBe('20/05/2026');
    expect(displayDate('2026-05-20T17:00:00+07:00')).toBe('20/05/2026');
    // 20 May 18:30 UTC is already 21 May in Viet Nam.
    expect(displayDate('2026-05-20T18:30:00.000Z')).toBe('21/05/2026');
    expect(displayDate('2026-05-20T23:00:00')).toBe('20/05/2026');
    expect(displayDate('20/05/2026')).toBeUndefined();
    expect(displayDate('2026-05')).toBeUndefined();
    expect(displayDate(20260520)).toBeUndefined();
    expect(displayDate('Hạn 2026-05-20')).toBeUndefined();
  });

  it('formats the variables templates read, never a value a field of the form binds', () => {
    const data = {
      reportDueDate: '2026-05-20T17:00:00+07:00',
      ngayHop: '2026-06-01',
      nhiemVuItem: { noiDung: 'Tổng hợp', hanHoanThanh: '2026-07-15' },
      ngayBanHanh: '2026-05-02',
      nhiemVu: [{ han: '2026-08-01' }],
      period: { label: 'Năm 2026' },
      x: '2026-01-01',
      createdAt: '2026-04-30T20:00:00Z',
      ngayKy: '2026-03-03',
    };
    const { data: shown, originals } = withDisplayDates(schema, data);
    expect(shown).toEqual({
      reportDueDate: '20/05/2026',
      ngayHop: '01/06/2026',
      nhiemVuItem: { noiDung: 'Tổng hợp', hanHoanThanh: '15/07/2026' },
      ngayBanHanh: '2026-05-02',
      nhiemVu: [{ han: '2026-08-01' }],
      period: { label: 'Năm 2026' },
      // Compared with a date in FEEL: an expression needs the value as it is.
      x: '2026-01-01',
      createdAt: '01/05/2026',
      // Shown, but also read by the field's hide condition.
      ngayKy: '2026-03-03',
    });
    expect(data.reportDueDate).toBe('2026-05-20T17:00:00+07:00');
    expect(withOriginalDates(shown, originals)).toEqual(data);
  });

  it('leaves data without dates as it is', () => {
    const data = { period: { label: 'Năm 2026' }, reportDueDate: null };
    const { data: shown, originals } = withDisplayDates(schema, data);
    expect(shown).toEqual(data);
    expect(originals.size).toBe(0);
  });
});
