/**
 * The timer floor: no duration or cycle shorter than ENGINE_TIMER_FLOOR_MS (default 1 s). A cycle `R/PT0.001S` on a
 * start event created about 550 instances a second and starved everything else; nothing in the regulation's
 * processes needs a timer under a second. Static timers are refused at deploy, naming the element; FEEL timers
 * whose value falls below the floor at run time raise an incident (see subscription.behavior.ts), as any other
 * unusable timer value does in Zeebe, rather than being silently stretched.
 */
import type { TimerSchedule } from '../timer/timer-schedule.js';
import { nextCronTime } from '../timer/cron-expression.js';

export const DEFAULT_TIMER_FLOOR_MS = 1_000;

/** Calendar units are never shorter than these, which is all a floor of seconds needs. */
function shortestMs(duration: {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
  microseconds: number;
  nanoseconds: number;
}): number {
  const calendarDays = duration.years * 365 + duration.months * 28 + duration.weeks * 7 + duration.days;
  return (
    calendarDays * 86_400_000 +
    duration.hours * 3_600_000 +
    duration.minutes * 60_000 +
    duration.seconds * 1_000 +
    duration.milliseconds +
    duration.microseconds / 1_000 +
    duration.nanoseconds / 1_000_000
  );
}

/** The shortest time between two firings (or until the one firing of a duration); null for a date. */
export function shortestInterval(schedule: TimerSchedule): number | null {
  switch (schedule.kind) {
    case 'date':
      return null;
    case 'duration':
      return shortestMs(schedule.duration);
    case 'cycle':
      return shortestMs(schedule.interval);
    case 'cron': {
      // Gaps between a few consecutive occurrences from a fixed instant: enough for the floor's seconds.
      let shortest = Infinity;
      let previous = nextCronTime(schedule.cron, Date.UTC(2026, 0, 1));
      for (let index = 0; index < 5 && previous !== null; index += 1) {
        const next = nextCronTime(schedule.cron, previous);
        if (next === null) break;
        shortest = Math.min(shortest, next - previous);
        previous = next;
      }
      return Number.isFinite(shortest) ? shortest : null;
    }
  }
}

/** Why the schedule is below the floor, or null when it is not. */
export function belowTimerFloor(schedule: TimerSchedule, source: string, floorMs: number): string | null {
  const interval = shortestInterval(schedule);
  if (interval === null || interval >= floorMs) return null;
  return `the timer '${source}' fires every ${interval} ms, below the engine's timer floor of ${floorMs} ms (ENGINE_TIMER_FLOOR_MS)`;
}
