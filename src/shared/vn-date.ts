/**
 * Dates as the committee reads and writes them: calendar days and wall times in Viet Nam (Asia/Ho_Chi_Minh, UTC+7,
 * no daylight saving), shown as dd/MM/yyyy whatever the zone or locale of the server or the device. The one place
 * for this logic: server, workers, documents, e-mails and the browser app all import it (it uses nothing but Intl).
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export interface WallTime extends CalendarDay {
  hour: number;
  minute: number;
}

const wallTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const two = (value: number): string => String(value).padStart(2, '0');

/** The wall time in Viet Nam at an instant; undefined for an invalid date. */
export function vietnamWallTime(instant: Date): WallTime | undefined {
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts: Record<string, number> = {};
  for (const part of wallTimeFormat.formatToParts(instant)) parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** The calendar day an instant falls on in Viet Nam. */
export function vietnamDay(instant: Date): CalendarDay {
  const wall = vietnamWallTime(instant);
  if (!wall) throw new RangeError('Ngày giờ không hợp lệ.');
  return { year: wall.year, month: wall.month, day: wall.day };
}

/** "2026-06-15", as form-js writes dates. */
export function isoCalendarDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** Today in Viet Nam as "2026-06-15", whatever the zone of the machine. */
export function vietnamToday(now: Date): string {
  return isoCalendarDate(vietnamDay(now));
}

/** The day of a "yyyy-MM-dd" text, if it names a day that exists (no 31/02). */
export function parseCalendarDate(text: string): CalendarDay | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? { year, month, day } : undefined;
}

/** "2026-12-31" + 1 → "2027-01-01". */
export function addDays(isoDay: string, days: number): string {
  const day = parseCalendarDate(isoDay);
  if (!day) throw new RangeError(`Ngày không hợp lệ: ${isoDay}`);
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return isoCalendarDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/** "2026-06-15" → "2026-06-15T17:00:00+07:00": a date-only deadline means the end of that working day. */
export function endOfWorkingDay(isoDay: string): string {
  return `${isoDay}T17:00:00+07:00`;
}

/**
 * The instant a value names: a calendar date "2026-06-15" is that day (noon in Viet Nam, so no zone can move it), a
 * date-time without a zone is the committee's own wall time, anything else must be an ISO instant.
 */
export function toInstant(value: Date | string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (parseCalendarDate(value)) return new Date(`${value}T12:00:00+07:00`);
  const dateTime = DATE_TIME.exec(value);
  if (dateTime && !dateTime[6]) return toInstant(`${value}+07:00`);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

type DateInput = Date | string | null | undefined;

function wallTimeOf(value: DateInput): WallTime | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const instant = toInstant(value);
  return instant && vietnamWallTime(instant);
}

const dayText = (wall: WallTime): string => `${two(wall.day)}/${two(wall.month)}/${wall.year}`;
const timeText = (wall: WallTime): string => `${two(wall.hour)}:${two(wall.minute)}`;

/** "03/12/2026": dd/MM/yyyy in Viet Nam; an empty string for a missing or invalid date. */
export function formatDate(value: DateInput): string {
  const wall = wallTimeOf(value);
  return wall ? dayText(wall) : '';
}

/** "17:00": HH:mm in Viet Nam; an empty string for a missing or invalid date. */
export function formatTime(value: DateInput): string {
  const wall = wallTimeOf(value);
  return wall ? timeText(wall) : '';
}

/** "17:00 03/12/2026"; an empty string for a missing or invalid date. */
export function formatDateTime(value: DateInput): string {
  const wall = wallTimeOf(value);
  return wall ? `${timeText(wall)} ${dayText(wall)}` : '';
}

/**
 * "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 6 năm 2026": a day under 10 and the months 1 and 2 take a leading
 * zero, as Vietnamese administrative documents write them (so a month cannot be misread as 10, 11 or 12).
 */
export function formatLongDate(value: Date | string): string {
  const wall = wallTimeOf(value);
  if (!wall) throw new RangeError(`Ngày không hợp lệ: ${String(value)}`);
  const month = wall.month <= 2 ? two(wall.month) : String(wall.month);
  return `ngày ${two(wall.day)} tháng ${month} năm ${wall.year}`;
}

/** The pattern flatpickr (form-js's date picker) is given, so typed and picked dates read dd/MM/yyyy everywhere. */
export const FLATPICKR_DATE_FORMAT = 'd/m/Y';
/** What an empty date field shows as its placeholder. */
export const DATE_PLACEHOLDER = 'dd/mm/yyyy';

/** The instant a date in stored data names (see toInstant); a RangeError naming the value when it names none. */
export function requireInstant(value: string): Date {
  const instant = toInstant(value);
  if (!instant) throw new RangeError(`Ngày không hợp lệ: ${value}`);
  return instant;
}
