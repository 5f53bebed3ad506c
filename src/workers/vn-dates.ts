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
