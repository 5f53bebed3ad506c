/** The processes' deadline rules, on the Viet Nam calendar of src/shared/vn-date.ts. */
import { addDays } from '../../shared/vn-date.js';

export { addDays, endOfWorkingDay as deadline, vietnamToday } from '../../shared/vn-date.js';

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
