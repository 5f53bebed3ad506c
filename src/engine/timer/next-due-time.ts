/**
 * When a timer is due next. Repeating timers are anchored — occurrence i is anchor + (i+1)·interval (or
 * start + i·interval) — so month-end dates do not drift (31 Jan, 31 Mar, …, not 28 Feb, 28 Mar). The next due time
 * is the first occurrence after both the last one fired and now: a cycle that fell due several times while the
 * engine was down fires once on recovery, then continues on schedule.
 */
import { DEFAULT_TIME_ZONE } from './default-time-zone.js';
import { Temporal } from 'temporal-polyfill';
import { nextCronTime } from './cron-expression.js';
import type { TimerSchedule } from './timer-schedule.js';

export interface TimerCursor {
  /** When the timer was created (element activated, process deployed): the origin of durations and cycles. */
  anchor: number;
  /** Due time of the occurrence that fired last; null before the first. */
  lastDue: number | null;
  /** The clock's time now. */
  now: number;
}

function scaled(duration: Temporal.Duration, factor: number): Temporal.Duration {
  return Temporal.Duration.from({
    years: duration.years * factor,
    months: duration.months * factor,
    weeks: duration.weeks * factor,
    days: duration.days * factor,
    hours: duration.hours * factor,
    minutes: duration.minutes * factor,
    seconds: duration.seconds * factor,
    milliseconds: duration.milliseconds * factor,
    microseconds: duration.microseconds * factor,
    nanoseconds: duration.nanoseconds * factor,
  });
}

function addDuration(epochMs: number, duration: Temporal.Duration, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).add(duration)
    .epochMilliseconds;
}

function approximateMs(duration: Temporal.Duration): number {
  const days = duration.years * 365.2425 + duration.months * 30.436875 + duration.weeks * 7 + duration.days;
  return (
    days * 86_400_000 +
    duration.hours * 3_600_000 +
    duration.minutes * 60_000 +
    duration.seconds * 1000 +
    duration.milliseconds
  );
}

/** First occurrence index i (from `base` + (i + offset)·interval) whose time is strictly after `after`. */
function firstOccurrenceAfter(
  base: number,
  offset: number,
  interval: Temporal.Duration,
  after: number,
  timeZone: string,
): { index: number; at: number } {
  const approx = approximateMs(interval);
  let index = Math.max(0, Math.floor((after - base) / approx) - offset - 1);
  let at = addDuration(base, scaled(interval, index + offset), timeZone);
  while (index > 0 && at > after) {
    index -= 1;
    at = addDuration(base, scaled(interval, index + offset), timeZone);
  }
  while (at <= after) {
    index += 1;
    at = addDuration(base, scaled(interval, index + offset), timeZone);
  }
  return { index, at };
}

/** The next due time, or null when the timer has no further occurrence. */
export function nextDueTime(
  schedule: TimerSchedule,
  cursor: TimerCursor,
  timeZone = DEFAULT_TIME_ZONE,
): number | null {
  switch (schedule.kind) {
    case 'date':
      return cursor.lastDue === null ? schedule.dueAt : null;
    case 'duration':
      return cursor.lastDue === null ? addDuration(cursor.anchor, schedule.duration, timeZone) : null;
    case 'cron':
      return nextCronTime(schedule.cron, Math.max(cursor.lastDue ?? cursor.anchor, cursor.now), timeZone);
    case 'cycle': {
      const anchored = schedule.start === null;
      const base = schedule.start ?? cursor.anchor;
      // Before the first firing a cycle with a start date may fire at the start itself (not strictly after).
      const after =
        cursor.lastDue === null
          ? anchored
            ? cursor.anchor
            : Math.max(base, cursor.now) - 1
          : Math.max(cursor.lastDue, cursor.now);
      const { index, at } = firstOccurrenceAfter(base, anchored ? 1 : 0, schedule.interval, after, timeZone);
      if (schedule.repetitions !== null && index >= schedule.repetitions) return null;
      return at;
    }
  }
}
