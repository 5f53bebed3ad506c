import type { Clock } from '../../lib/clock.js';

/**
 * Failed sign-ins per client address in a sliding window, in memory: it guards one process against password
 * spraying across many accounts, which the per-account lockout does not see.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAttempts: number,
    private readonly windowMinutes: number,
  ) {}

  isBlocked(ip: string): boolean {
    return this.recent(ip).length >= this.maxAttempts;
  }

  recordFailure(ip: string): void {
    const recent = this.recent(ip);
    recent.push(this.clock.now().getTime());
    this.failures.set(ip, recent);
  }

  /** Drops windows that have run out, so the map does not grow without bound. */
  sweep(): void {
    for (const ip of [...this.failures.keys()]) if (this.recent(ip).length === 0) this.failures.delete(ip);
  }

  private recent(ip: string): number[] {
    const cutoff = this.clock.now().getTime() - this.windowMinutes * 60_000;
    const recent = (this.failures.get(ip) ?? []).filter((at) => at > cutoff);
    if (recent.length > 0) this.failures.set(ip, recent);
    else this.failures.delete(ip);
    return recent;
  }
}
