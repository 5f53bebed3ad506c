/** Dates of the processes: calendar days in Vietnam (UTC+7, no daylight saving) and deadlines at 17:00 that day. */
const VN_OFFSET_MS = 7 * 3600_000;

export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "2026-06-15" → "2026-06-15T17:00:00+07:00": a date-only setting means the end of that working day. */
export function deadline(day: string): string {
  return `${day}T17:00:00+07:00`;
}

export function later(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Units always get at least this long from the start of a period to its default deadline. */
export const MINIMUM_LEAD_DAYS = 14;

/**
 * The regulation's usual deadline, unless the period is opened too late for it (by hand, after the timer's date):
 * then two weeks from today, so that no unit's task is overdue — and cancelled by its deadline — on arrival.
 */
export function defaultDeadline(usual: string, today: string): string {
  return later(usual, addDays(today, MINIMUM_LEAD_DAYS));
}

/** A reminder some days before the deadline, but never before tomorrow: a late start must not send it at once. */
export function reminderDay(due: string, daysBefore: number, today: string): string {
  return later(addDays(due, -daysBefore), addDays(today, 1));
}
