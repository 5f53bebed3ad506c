/**
 * Spring-style cron expressions, the form Zeebe accepts in timeCycle: six fields
 * "second minute hour day-of-month month day-of-week" (e.g. "0 0 8 * * MON-FRI"), `?` as `*`, names, ranges,
 * lists, steps, `L` (last day of month) and the @yearly…@hourly macros. Day-of-month and day-of-week must both
 * match, as in Spring. Times are computed in a time zone (wall clock), so "8 o'clock" means 8 o'clock there.
 */
import { DEFAULT_TIME_ZONE } from './default-time-zone.js';
import { Temporal } from 'temporal-polyfill';

export interface CronExpression {
  readonly source: string;
  readonly seconds: ReadonlySet<number>;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly lastDayOfMonth: boolean;
  readonly months: ReadonlySet<number>;
  /** 1 = Monday … 7 = Sunday (ISO, as Temporal's dayOfWeek). */
  readonly daysOfWeek: ReadonlySet<number>;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseValue(token: string, names: string[] | null, nameBase: number): number {
  const index = names ? names.indexOf(token.toUpperCase()) : -1;
  if (index >= 0) return index + nameBase;
  if (!/^\d+$/.test(token)) throw new Error(`'${token}' is not a number`);
  return Number(token);
}

function parseField(
  text: string,
  min: number,
  max: number,
  names: string[] | null = null,
  nameBase = min,
): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : parseValue(stepText, null, 0);
    if (step < 1) throw new Error(`step must be positive in '${part}'`);
    let from: number;
    let to: number;
    if (rangeText === '*' || rangeText === '?') {
      [from, to] = [min, max];
    } else if (rangeText.includes('-')) {
      const [a = '', b = ''] = rangeText.split('-');
      [from, to] = [parseValue(a, names, nameBase), parseValue(b, names, nameBase)];
    } else {
      from = parseValue(rangeText, names, nameBase);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to) throw new Error(`'${part}' is outside ${min}-${max}`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** Parses a cron expression, or returns an error message. */
export function parseCron(source: string): CronExpression | string {
  const text = MACROS[source.trim().toLowerCase()] ?? source.trim();
  const fields = text.split(/\s+/);
  if (fields.length !== 6)
    return `cron expression '${source}' must have 6 fields (second minute hour day month weekday)`;
  const [sec = '', min = '', hour = '', dom = '', month = '', dow = ''] = fields;
  try {
    const lastDayOfMonth = dom.toUpperCase() === 'L';
    const rawDays = parseField(dow, 0, 7, DAYS, 0);
    const daysOfWeek = new Set([...rawDays].map((day) => (day === 0 ? 7 : day)));
    return {
      source,
      seconds: parseField(sec, 0, 59),
      minutes: parseField(min, 0, 59),
      hours: parseField(hour, 0, 23),
      daysOfMonth: lastDayOfMonth ? new Set<number>() : parseField(dom, 1, 31),
      lastDayOfMonth,
      months: parseField(month, 1, 12, MONTHS, 1),
      daysOfWeek,
    };
  } catch (error) {
    return `invalid cron expression '${source}': ${(error as Error).message}`;
  }
}

function dayMatches(cron: CronExpression, date: Temporal.ZonedDateTime): boolean {
  const domOk = cron.lastDayOfMonth ? date.day === date.daysInMonth : cron.daysOfMonth.has(date.day);
  return domOk && cron.daysOfWeek.has(date.dayOfWeek);
}

/** The first time strictly after `afterMs` matching the expression, in `timeZone`; null if none within 8 years. */
export function nextCronTime(
  cron: CronExpression,
  afterMs: number,
  timeZone = DEFAULT_TIME_ZONE,
): number | null {
  let t = Temporal.Instant.fromEpochMilliseconds(Math.floor(afterMs / 1000) * 1000 + 1000).toZonedDateTimeISO(
    timeZone,
  );
  const limit = t.add({ years: 8 });
  while (Temporal.ZonedDateTime.compare(t, limit) < 0) {
    if (!cron.months.has(t.month)) {
      t = t.with({ day: 1, hour: 0, minute: 0, second: 0 }).add({ months: 1 });
    } else if (!dayMatches(cron, t)) {
      t = t.with({ hour: 0, minute: 0, second: 0 }).add({ days: 1 });
    } else if (!cron.hours.has(t.hour)) {
      t = t.with({ minute: 0, second: 0 }).add({ hours: 1 });
    } else if (!cron.minutes.has(t.minute)) {
      t = t.with({ second: 0 }).add({ minutes: 1 });
    } else if (!cron.seconds.has(t.second)) {
      t = t.add({ seconds: 1 });
    } else {
      return t.epochMilliseconds;
    }
  }
  return null;
}
