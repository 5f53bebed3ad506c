import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../web/src/lib/dates.js';

describe('dates in the browser app', () => {
  it('formats dd/MM/yyyy in Asia/Ho_Chi_Minh, whatever the machine zone', () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Viet Nam (UTC+7).
    expect(formatDate('2026-06-30T17:30:00Z')).toBe('01/07/2026');
    expect(formatDate(new Date('2026-01-05T03:00:00Z'))).toBe('05/01/2026');
    expect(formatDateTime('2026-06-30T17:30:00Z')).toBe('00:30 01/07/2026');
    expect(formatTime('2026-06-30T08:05:00Z')).toBe('15:05');
  });

  it('answers an empty string for a missing or invalid date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime('')).toBe('');
  });
});
