import { describe, expect, it } from 'vitest';
import {
  formatLongVietnameseDate,
  formatShortVietnameseDate,
  placeDateLine,
  vietnamDay,
} from '../../../src/app/documents/index.js';

describe('Vietnamese dates in Asia/Ho_Chi_Minh', () => {
  it('writes the long form with a leading zero on days under 10 and on months 1 and 2 only', () => {
    expect(formatLongVietnameseDate(new Date('2026-06-15T01:00:00Z'))).toBe('ngày 15 tháng 6 năm 2026');
    expect(formatLongVietnameseDate(new Date('2026-02-05T01:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatLongVietnameseDate(new Date('2026-11-09T01:00:00Z'))).toBe('ngày 09 tháng 11 năm 2026');
  });

  it('writes the short form dd/MM/yyyy', () => {
    expect(formatShortVietnameseDate(new Date('2026-06-05T01:00:00Z'))).toBe('05/06/2026');
  });

  it('takes the day in Vietnam (UTC+7), not on the server', () => {
    const lateEvening = new Date('2026-06-14T17:30:00Z'); // 00:30 on 15 June in Tuyên Quang
    expect(vietnamDay(lateEvening)).toEqual({ year: 2026, month: 6, day: 15 });
    expect(formatShortVietnameseDate(new Date('2026-06-14T16:59:00Z'))).toBe('14/06/2026');
    expect(placeDateLine('Tuyên Quang', lateEvening)).toBe('Tuyên Quang, ngày 15 tháng 6 năm 2026');
  });

  it('refuses an invalid date rather than printing NaN', () => {
    expect(() => formatLongVietnameseDate(new Date('not a date'))).toThrow(RangeError);
  });
});
