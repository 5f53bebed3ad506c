/**
 * The day the suite runs on. `TEST_TODAY=2026-12-01 npm test` runs every test that means "today" — the service stacks
 * of the browser tests, the engine behind them, and the browser pages — on that calendar day in Viet Nam, at the
 * current time of day. Date-sensitive behaviour is then checked on chosen days (the 1st, the 9th, the 31st) rather
 * than on whatever day CI happens to run; unset, the suite runs on the real today. (libfaketime cannot be used: it
 * breaks the shell wrapper that starts Debian's chromium.)
 */
import type { BrowserContext } from 'playwright-core';
import type { Clock as EngineClock } from '../../src/engine/index.js';
import type { Clock } from '../../src/lib/clock.js';
import { addDays, parseCalendarDate, vietnamToday } from '../../src/shared/vn-date.js';

const DAY_MS = 86_400_000;

function offsetFromEnvironment(): number {
  const today = process.env.TEST_TODAY;
  if (!today) return 0;
  if (!parseCalendarDate(today))
    throw new Error(`TEST_TODAY must be a calendar day (yyyy-MM-dd), not "${today}"`);
  const realToday = vietnamToday(new Date());
  const days = Math.round((Date.parse(today) - Date.parse(realToday)) / DAY_MS);
  return days * DAY_MS;
}

const offsetMs = offsetFromEnvironment();

/** Now, on the suite's day. */
export function suiteNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** "2026-12-01": the suite's today in Viet Nam, and the days around it. */
export function suiteDay(daysFromToday = 0): string {
  return addDays(vietnamToday(suiteNow()), daysFromToday);
}

/** The app's clock on the suite's day. */
export const suiteClock: Clock = { now: suiteNow };

/** The engine's clock on the suite's day (wall time shifted by whole days: it never jumps). */
export const suiteEngineClock: EngineClock = {
  now: () => Date.now() + offsetMs,
  onChange: () => () => undefined,
};

/** Moves a browser context to the suite's day (its clock keeps running); nothing when the suite runs on today. */
export async function browserOnSuiteDay(context: BrowserContext): Promise<void> {
  if (offsetMs !== 0) await context.clock.install({ time: suiteNow() });
}
