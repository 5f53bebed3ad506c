import type { Clock } from '../engine-api.js';

/**
 * Camunda's controlled clock (ZEEBE_CLOCK_CONTROLLED): REST `PUT /v2/clock` pins the engine's time to an instant,
 * where it stands still, and `POST /v2/clock/reset` returns it to the underlying clock. Pinning and resetting tell
 * the scheduler that time passed, so timers, job deadlines and back-offs due by the pinned time fire.
 */
export class PinnableClock implements Clock {
  private pinned: number | null = null;
  private readonly listeners = new Set<(stepMs: number) => void>();

  constructor(private readonly base: Clock) {
    // While pinned, the underlying clock's moves are not the engine's.
    base.onChange((stepMs) => {
      if (this.pinned === null) this.notify(stepMs);
    });
  }

  now(): number {
    return this.pinned ?? this.base.now();
  }

  onChange(listener: (stepMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pin(epochMs: number): void {
    this.pinned = epochMs;
    this.notify(0);
  }

  reset(): void {
    this.pinned = null;
    this.notify(0);
  }

  private notify(stepMs: number): void {
    for (const listener of [...this.listeners]) listener(stepMs);
  }
}
