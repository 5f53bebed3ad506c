import type { Clock } from '../engine-api.js';

/**
 * A clock that tests move. It stands still unless told otherwise; every move notifies the engine's scheduler,
 * which then fires whatever fell due (timers, job deadlines, retry back-offs, message TTLs).
 * - `set`/`advance`: time passes (wall and real time move together), as if the test had waited.
 * - `step`: only the wall clock jumps, real time stands still, as when an operator or NTP sets the system clock.
 */
export class ControllableClock implements Clock {
  private current: number;
  private readonly listeners = new Set<(stepMs: number) => void>();

  constructor(start: number | string | Date = Date.now()) {
    this.current = new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  onChange(listener: (stepMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(to: number | string | Date): void {
    this.current = new Date(to).getTime();
    this.notify(0);
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }

  /** Steps the wall clock by `ms` (negative: backwards) without any real time passing. */
  step(ms: number): void {
    this.current += ms;
    this.notify(ms);
  }

  private notify(stepMs: number): void {
    for (const listener of [...this.listeners]) listener(stepMs);
  }
}
