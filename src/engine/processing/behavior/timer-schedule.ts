/**
 * Due dates of timer events from the evaluated timer value: timeDate (ISO date-time), timeDuration (ISO
 * duration from now) and timeCycle (`R[n]/[start/]duration`). Only the engine-side arithmetic; the model has
 * validated static values at deploy time.
 */
import { Temporal } from 'temporal-polyfill';
import { parseDateTime } from '../../feel/evaluate-typed.js';
import type { TimerType } from '../../model/process-model.js';

export interface TimerSchedule {
  dueDate: number;
  /** -1 unbounded, otherwise how many firings remain including this one. */
  repetitions: number;
  /** The ISO duration between firings of a cycle; null for one-shot timers. */
  interval: string | null;
}

export function addDuration(epochMs: number, iso: string): number | null {
  try {
    const duration = Temporal.Duration.from(iso);
    return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO('UTC').add(duration)
      .epochMilliseconds;
  } catch {
    return null;
  }
}

export function computeTimer(type: TimerType, value: unknown, now: number): TimerSchedule | string {
  if (typeof value !== 'string') return `Expected a timer value as a string, but was '${typeof value}'`;
  const text = value.trim();
  if (type === 'timeDate') {
    const due = parseDateTime(text);
    return due === null
      ? `Invalid date-time format '${text}'`
      : { dueDate: due, repetitions: 1, interval: null };
  }
  if (type === 'timeDuration') {
    const due = addDuration(now, text);
    return due === null
      ? `Invalid duration format '${text}'`
      : { dueDate: due, repetitions: 1, interval: null };
  }
  const match = /^R(\d*)\/(?:([^/]+)\/)?(P[^/]+)$/.exec(text);
  if (!match) return `Invalid time cycle format '${text}'`;
  const repetitions = match[1] === '' ? -1 : Number(match[1]);
  const interval = match[3]!;
  const start = match[2] ? parseDateTime(match[2]) : null;
  if (match[2] && start === null) return `Invalid time cycle start '${match[2]}'`;
  const due = start !== null && start > now ? start : addDuration(now, interval);
  if (due === null) return `Invalid time cycle format '${text}'`;
  return { dueDate: due, repetitions, interval };
}
