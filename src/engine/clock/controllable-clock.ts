import type { Clock } from '../engine-api.js';

/**
 * A clock that tests move. It stands still unless told otherwise; every jump notifies the engine's scheduler,
 * which then fires whatever fell due (timers, job deadlines, retry back-offs, message TTLs).
 */
export class ControllableClock implements Clock {
  private current: number;
  private readonly listeners = new Set<() => void>();

  constructor(start: number | string | Date = Date.now()) {
    this.current = new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(to: number | string | Date): void {
    this.current = new Date(to).getTime();
    for (const listener of [...this.listeners]) listener();
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }
}
