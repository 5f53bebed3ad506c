import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron, type CronExpression } from '../../../src/engine/timer/cron-expression.js';
import { nextDueTime } from '../../../src/engine/timer/next-due-time.js';
import { parseTimerSchedule } from '../../../src/engine/timer/timer-schedule.js';

function cron(text: string): CronExpression {
  const parsed = parseCron(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
const next = (text: string, after: string, zone = 'UTC') => {
  const at = nextCronTime(cron(text), Date.parse(after), zone);
  return at === null ? null : new Date(at).toISOString();
};

describe('cron timeCycle', () => {
  it('weekday names, in a time zone', () => {
    // 2026-11-27 is a Friday.
    expect(next('0 0 8 * * MON', '2026-11-27T00:00:00Z')).toBe('2026-11-30T08:00:00.000Z');
    expect(next('0 0 8 * * MON', '2026-11-27T00:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(
      '2026-11-30T01:00:00.000Z',
    );
    expect(next('0 0 9-17 * * MON-FRI', '2026-11-27T17:30:00Z')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('steps, lists, last day of month and macros', () => {
    expect(next('0 */15 * * * *', '2026-01-01T10:07:00Z')).toBe('2026-01-01T10:15:00.000Z');
    expect(next('30 0 0 1,15 * ?', '2026-01-02T00:00:00Z')).toBe('2026-01-15T00:00:30.000Z');
    expect(next('0 0 12 L * *', '2026-02-01T00:00:00Z')).toBe('2026-02-28T12:00:00.000Z');
    expect(next('0 0 0 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('@daily', '2026-01-01T10:00:00Z')).toBe('2026-01-02T00:00:00.000Z');
    expect(next('0 0 0 * * 0', '2026-11-27T00:00:00Z')).toBe('2026-11-29T00:00:00.000Z');
  });

  it('is strictly after the given time', () => {
    expect(next('0 0 8 * * *', '2026-01-01T08:00:00Z')).toBe('2026-01-02T08:00:00.000Z');
  });

  it('rejects malformed expressions with a message', () => {
    expect(parseCron('0 0 8 * *')).toMatch(/6 fields/);
    expect(parseCron('0 0 25 * * *')).toMatch(/outside/);
    expect(parseCron('0 0 8 * * FUNDAY')).toMatch(/invalid cron/);
  });

  it('is reachable through timeCycle and repeats from the last due time', () => {
    const parsed = parseTimerSchedule('timeCycle', '0 0 8 * * MON');
    expect(parsed.ok && parsed.value.kind).toBe('cron');
    if (!parsed.ok) return;
    const first = nextDueTime(parsed.value, {
      anchor: Date.parse('2026-11-27T00:00:00Z'),
      lastDue: null,
      now: Date.parse('2026-11-27T00:00:00Z'),
    });
    const second = nextDueTime(parsed.value, { anchor: 0, lastDue: first, now: first ?? 0 });
    expect(second! - first!).toBe(7 * 86_400_000);
  });
});
