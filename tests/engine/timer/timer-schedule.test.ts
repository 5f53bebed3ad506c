import { describe, expect, it } from 'vitest';
import { nextDueTime } from '../../../src/engine/timer/next-due-time.js';
import { parseTimerSchedule, type TimerSchedule } from '../../../src/engine/timer/timer-schedule.js';
import type { TimerType } from '../../../src/engine/model/process-model.js';

const VN = 'Asia/Ho_Chi_Minh';
const ms = (iso: string) => Date.parse(iso);
const iso = (epoch: number | null) => (epoch === null ? null : new Date(epoch).toISOString());

function schedule(type: TimerType, text: string): TimerSchedule {
  const result = parseTimerSchedule(type, text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Fires a timer repeatedly, each time exactly when due, and lists the due times. */
function fireAll(s: TimerSchedule, anchor: number, max: number, zone = 'UTC'): string[] {
  const out: string[] = [];
  let lastDue: number | null = null;
  for (let i = 0; i < max; i++) {
    const due = nextDueTime(s, { anchor, lastDue, now: lastDue ?? anchor }, zone);
    if (due === null) break;
    out.push(iso(due) ?? '');
    lastDue = due;
  }
  return out;
}

describe('timer definitions', () => {
  it('timeDate with offset, zone id or local time in a zone', () => {
    expect(schedule('timeDate', '2026-12-01T08:00:00+07:00')).toEqual({
      kind: 'date',
      dueAt: ms('2026-12-01T01:00:00Z'),
    });
    expect(schedule('timeDate', '2026-12-01T08:00:00[Asia/Ho_Chi_Minh]')).toEqual({
      kind: 'date',
      dueAt: ms('2026-12-01T01:00:00Z'),
    });
    const local = parseTimerSchedule('timeDate', '2026-12-01T08:00:00', VN);
    expect(local).toEqual({ ok: true, value: { kind: 'date', dueAt: ms('2026-12-01T01:00:00Z') } });
    expect(parseTimerSchedule('timeDate', 'tomorrow').ok).toBe(false);
  });

  it('a date timer fires once, even when already past', () => {
    const s = schedule('timeDate', '2026-01-01T00:00:00Z');
    expect(
      nextDueTime(s, { anchor: ms('2026-06-01T00:00:00Z'), lastDue: null, now: ms('2026-06-01T00:00:00Z') }),
    ).toBe(ms('2026-01-01T00:00:00Z'));
    expect(nextDueTime(s, { anchor: 0, lastDue: ms('2026-01-01T00:00:00Z'), now: 0 }, 'UTC')).toBeNull();
  });

  it('timeDuration: days, weeks, fractions and calendar months from the anchor', () => {
    const anchor = ms('2026-01-31T03:00:00Z');
    const due = (text: string) =>
      iso(nextDueTime(schedule('timeDuration', text), { anchor, lastDue: null, now: anchor }, 'UTC'));
    expect(due('PT15M')).toBe('2026-01-31T03:15:00.000Z');
    expect(due('P1W')).toBe('2026-02-07T03:00:00.000Z');
    expect(due('PT1.5S')).toBe('2026-01-31T03:00:01.500Z');
    expect(due('P1M')).toBe('2026-02-28T03:00:00.000Z');
    expect(due('P1Y1M1DT1H')).toBe('2027-03-01T04:00:00.000Z');
    expect(parseTimerSchedule('timeDuration', 'PT0S').ok).toBe(false);
    expect(parseTimerSchedule('timeDuration', '15 minutes').ok).toBe(false);
  });

  it('month arithmetic in Asia/Ho_Chi_Minh follows the local calendar', () => {
    // 2026-01-31T20:00Z is already 1 February 03:00 in Vietnam: +P1M lands on 1 March local.
    const anchor = ms('2026-01-31T20:00:00Z');
    expect(
      iso(nextDueTime(schedule('timeDuration', 'P1M'), { anchor, lastDue: null, now: anchor }, VN)),
    ).toBe('2026-02-28T20:00:00.000Z');
    expect(
      iso(nextDueTime(schedule('timeDuration', 'P1M'), { anchor, lastDue: null, now: anchor }, 'UTC')),
    ).toBe('2026-02-28T20:00:00.000Z');
    const endOfMonth = ms('2026-01-30T17:00:00Z'); // 31 Jan 00:00 in Vietnam
    expect(
      iso(
        nextDueTime(
          schedule('timeDuration', 'P1M'),
          { anchor: endOfMonth, lastDue: null, now: endOfMonth },
          VN,
        ),
      ),
    ).toBe('2026-02-27T17:00:00.000Z');
  });

  it('cycles: repeat counts, unbounded, and no month-end drift', () => {
    const anchor = ms('2026-01-01T00:00:00Z');
    expect(fireAll(schedule('timeCycle', 'R3/PT10S'), anchor, 10)).toEqual([
      '2026-01-01T00:00:10.000Z',
      '2026-01-01T00:00:20.000Z',
      '2026-01-01T00:00:30.000Z',
    ]);
    expect(fireAll(schedule('timeCycle', 'R/PT1H'), anchor, 4)).toHaveLength(4);
    const monthly = fireAll(schedule('timeCycle', 'R4/2026-01-31T09:00:00Z/P1M'), anchor, 10);
    expect(monthly).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-30T09:00:00.000Z',
    ]);
    expect(fireAll(schedule('timeCycle', 'R0/PT1S'), anchor, 3)).toEqual([]);
  });

  it('a cycle with a start in the regulation zone: every six months from 1 January local', () => {
    const s = schedule('timeCycle', 'R3/2026-01-01T00:00:00+07:00/P6M');
    expect(fireAll(s, ms('2025-12-01T00:00:00Z'), 10, VN)).toEqual([
      '2025-12-31T17:00:00.000Z',
      '2026-06-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ]);
  });

  it('a cycle that fell due several times while down fires once, then continues on schedule', () => {
    const s = schedule('timeCycle', 'R/PT1H');
    const anchor = ms('2026-01-01T00:00:00Z');
    const first = nextDueTime(s, { anchor, lastDue: null, now: anchor });
    expect(iso(first)).toBe('2026-01-01T01:00:00.000Z');
    const afterOutage = nextDueTime(s, { anchor, lastDue: first, now: ms('2026-01-01T05:30:00Z') });
    expect(iso(afterOutage)).toBe('2026-01-01T06:00:00.000Z');
  });

  it('a cycle whose start lies in the past begins at the next occurrence', () => {
    const s = schedule('timeCycle', 'R/2020-01-01T00:00:00Z/P1D');
    const now = ms('2026-03-15T12:00:00Z');
    expect(iso(nextDueTime(s, { anchor: now, lastDue: null, now }, 'UTC'))).toBe('2026-03-16T00:00:00.000Z');
  });

  it('rejects malformed cycles', () => {
    expect(parseTimerSchedule('timeCycle', 'R3/PT0S').ok).toBe(false);
    expect(parseTimerSchedule('timeCycle', 'R3/nope/PT1H').ok).toBe(false);
    expect(parseTimerSchedule('timeCycle', 'every hour').ok).toBe(false);
  });
});
