import type { Clock } from '../engine-api.js';

/** Where the system clock reads wall and monotonic time; tests pass a fake wall clock to drive step detection. */
export interface TimeSource {
  /** Wall-clock epoch ms (Date.now): can be stepped by an operator or NTP. */
  wall(): number;
  /** Monotonic ms (performance.now): never jumps. */
  monotonic(): number;
}

export const systemTimeSource: TimeSource = { wall: () => Date.now(), monotonic: () => performance.now() };

export interface SystemClockOptions {
  source?: TimeSource;
  /** How often the wall clock is compared with the monotonic one while something listens; default 250 ms. */
  checkIntervalMs?: number;
  /** A change of wall − monotonic larger than this is a step; NTP slewing stays far below it. Default 100 ms. */
  stepThresholdMs?: number;
}

/**
 * Wall time, watched for steps. Wall and monotonic time run at the same rate, so their difference only changes
 * when the wall clock is set (or the machine resumed from suspend): a change beyond the threshold is reported to
 * the listeners with its size. It is checked on every read of the clock (so no due time is compared with a
 * stepped clock before the scheduler has heard of the step) and every `checkIntervalMs` (so a step is acted on
 * while the engine is idle, not when the previously armed wake-up expires).
 */
export class SystemClock implements Clock {
  private readonly source: TimeSource;
  private readonly thresholdMs: number;
  private readonly intervalMs: number;
  private readonly listeners = new Set<(stepMs: number) => void>();
  private offset: number;
  private interval: NodeJS.Timeout | null = null;

  constructor(options: SystemClockOptions = {}) {
    this.source = options.source ?? systemTimeSource;
    this.thresholdMs = options.stepThresholdMs ?? 100;
    this.intervalMs = options.checkIntervalMs ?? 250;
    this.offset = this.source.wall() - this.source.monotonic();
  }

  now(): number {
    const wall = this.source.wall();
    this.detect(wall);
    return wall;
  }

  onChange(listener: (stepMs: number) => void): () => void {
    this.listeners.add(listener);
    if (!this.interval) {
      this.interval = setInterval(() => this.detect(this.source.wall()), this.intervalMs);
      this.interval.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.interval) {
        clearInterval(this.interval);
        this.interval = null;
      }
    };
  }

  /** Compares wall − monotonic with the last known offset; reports and adopts a step. */
  detect(wall = this.source.wall()): number {
    const offset = wall - this.source.monotonic();
    const step = offset - this.offset;
    // Always adopt the latest offset, so slewing (a fraction of a ms per check) never adds up to a "step".
    this.offset = offset;
    if (Math.abs(step) <= this.thresholdMs) return 0;
    for (const listener of [...this.listeners]) listener(step);
    return step;
  }
}
