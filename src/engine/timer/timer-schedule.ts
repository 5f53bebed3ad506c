/**
 * ISO 8601 timer definitions as Zeebe reads them: timeDate (a date-time), timeDuration (PnYnMnDTnHnMnS, PnW) and
 * timeCycle (R[n]/[start/]duration, or a cron expression), parsed once and evaluated against a time zone so month
 * arithmetic follows the calendar (31 January + P1M = 28 February).
 */
import { DEFAULT_TIME_ZONE } from './default-time-zone.js';
import { Temporal } from 'temporal-polyfill';
import type { TimerType } from '../model/process-model.js';
import { parseCron, type CronExpression } from './cron-expression.js';

export type TimerSchedule =
  | { kind: 'date'; dueAt: number }
  | { kind: 'duration'; duration: Temporal.Duration }
  /** repetitions null: unbounded ("R/…"). start null: counted from when the timer is created. */
  | { kind: 'cycle'; repetitions: number | null; start: number | null; interval: Temporal.Duration }
  | { kind: 'cron'; cron: CronExpression };

export type TimerParseResult = { ok: true; value: TimerSchedule } | { ok: false; message: string };

/** Parses an ISO 8601 duration; null if invalid or not positive. */
export function parseIsoDuration(text: string): Temporal.Duration | null {
  try {
    const duration = Temporal.Duration.from(text.trim().toUpperCase());
    return duration.sign > 0 ? duration : null;
  } catch {
    return null;
  }
}

/** Parses an ISO 8601 date-time with offset or zone (a local one is read in `timeZone`); null if invalid. */
export function parseIsoDateTime(text: string, timeZone = DEFAULT_TIME_ZONE): number | null {
  const trimmed = text.trim();
  try {
    if (/\[[^\]]+\]$/.test(trimmed)) return Temporal.ZonedDateTime.from(trimmed).epochMilliseconds;
    if (/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(trimmed) && trimmed.includes('T')) {
      return Temporal.Instant.from(trimmed).epochMilliseconds;
    }
    const [local = '', zone] = trimmed.split('@');
    return Temporal.PlainDateTime.from(local).toZonedDateTime(zone ?? timeZone).epochMilliseconds;
  } catch {
    return null;
  }
}

function parseCycle(text: string, timeZone: string): TimerParseResult {
  const parts = text.split('/');
  const head = parts[0] ?? '';
  if (!/^R\d*$/i.test(head) || parts.length < 2 || parts.length > 3) {
    const cron = parseCron(text);
    return typeof cron === 'string'
      ? { ok: false, message: `invalid timeCycle '${text}': expected R[n]/[start/]duration or ${cron}` }
      : { ok: true, value: { kind: 'cron', cron } };
  }
  const repetitions = head.length > 1 ? Number(head.slice(1)) : null;
  const interval = parseIsoDuration(parts[parts.length - 1] ?? '');
  if (!interval)
    return {
      ok: false,
      message: `invalid timeCycle '${text}': the interval is not a positive ISO 8601 duration`,
    };
  let start: number | null = null;
  if (parts.length === 3) {
    start = parseIsoDateTime(parts[1] ?? '', timeZone);
    if (start === null)
      return { ok: false, message: `invalid timeCycle '${text}': the start is not an ISO 8601 date-time` };
  }
  return { ok: true, value: { kind: 'cycle', repetitions, start, interval } };
}

export function parseTimerSchedule(
  type: TimerType,
  text: string,
  timeZone = DEFAULT_TIME_ZONE,
): TimerParseResult {
  const trimmed = text.trim();
  if (type === 'timeDate') {
    const dueAt = parseIsoDateTime(trimmed, timeZone);
    return dueAt === null
      ? { ok: false, message: `invalid timeDate '${text}': expected an ISO 8601 date-time` }
      : { ok: true, value: { kind: 'date', dueAt } };
  }
  if (type === 'timeDuration') {
    const duration = parseIsoDuration(trimmed);
    return duration
      ? { ok: true, value: { kind: 'duration', duration } }
      : {
          ok: false,
          message: `invalid timeDuration '${text}': expected a positive ISO 8601 duration such as PT15M or P1D`,
        };
  }
  return parseCycle(trimmed, timeZone);
}
