import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfWorkingDay,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatTime,
  parseCalendarDate,
  requireInstant,
  toInstant,
  vietnamDay,
  vietnamToday,
} from '../../src/shared/vn-date.js';

describe('Viet Nam dates, one module for server, workers, documents and browser', () => {
  it('writes dd/MM/yyyy with two-digit day and month, from the 1st to the 9th and in January to September', () => {
    expect(formatDate('2026-12-03')).toBe('03/12/2026');
    expect(formatDate('1990-03-15')).toBe('15/03/1990');
    expect(formatDate('2027-01-01')).toBe('01/01/2027');
    expect(formatDate(new Date('2026-01-05T03:00:00Z'))).toBe('05/01/2026');
    expect(formatDate('2026-12-31T17:00:00+07:00')).toBe('31/12/2026');
  });

  it('takes the day and the time in Viet Nam (UTC+7), whatever the zone of the machine', () => {
    // 17:30 UTC on 31 December is 00:30 on 1 January in Tuyên Quang: the turn of the year.
    const newYearsNight = '2026-12-31T17:30:00Z';
    expect(formatDate(newYearsNight)).toBe('01/01/2027');
    expect(formatDateTime(newYearsNight)).toBe('00:30 01/01/2027');
    expect(vietnamDay(new Date(newYearsNight))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(vietnamToday(new Date(newYearsNight))).toBe('2027-01-01');
    expect(vietnamToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(formatTime('2026-06-30T08:05:00Z')).toBe('15:05');
  });

  it('reads a date-time without a zone as the committee’s own wall time, and a calendar date as that day', () => {
    expect(formatDateTime('2026-05-20T17:00')).toBe('17:00 20/05/2026');
    expect(toInstant('2026-05-20')?.toISOString()).toBe('2026-05-20T05:00:00.000Z');
    expect(formatDate('2026-05-20')).toBe('20/05/2026');
  });

  it('writes the long form with a leading zero on days under 10 and on months 1 and 2 only', () => {
    expect(formatLongDate(new Date('2026-06-15T01:00:00Z'))).toBe('ngày 15 tháng 6 năm 2026');
    expect(formatLongDate(new Date('2026-02-05T01:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatLongDate(new Date('2026-11-09T01:00:00Z'))).toBe('ngày 09 tháng 11 năm 2026');
    expect(formatLongDate('2026-12-31T17:30:00Z')).toBe('ngày 01 tháng 01 năm 2027');
  });

  it('answers an empty string for a missing or invalid date, and refuses one where a date is required', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(() => formatLongDate(new Date('not a date'))).toThrow(RangeError);
    expect(() => requireInstant('31/12/2026')).toThrow(/31\/12\/2026/);
  });

  it('knows which calendar days exist and counts days across months and years', () => {
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate('2026-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-13-01')).toBeUndefined();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-20', 14)).toBe('2026-12-04');
    expect(endOfWorkingDay('2026-12-09')).toBe('2026-12-09T17:00:00+07:00');
  });
});
