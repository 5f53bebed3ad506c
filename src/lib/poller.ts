/**
 * Runs `tick` every `intervalMs`, never two at once: a tick still running when the next is due is not doubled.
 * A failed tick goes to `onError` and the next one tries again (the engine may be restarting).
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly tick: () => Promise<unknown>) {}

  /**
   * `when`, if given, is asked before each tick, which is skipped unless it says yes: work that must run in one
   * process of several polls in each and runs where a lease is held (lib/lease.ts).
   */
  start(
    intervalMs: number,
    onError: (error: unknown) => void = () => undefined,
    when?: () => Promise<boolean>,
  ): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = (when ? when().then((go) => (go ? this.tick() : undefined)) : this.tick())
        .catch(onError)
        .finally(() => (this.running = undefined));
    }, intervalMs);
    // A poll alone does not keep the process alive.
    this.timer.unref();
  }

  /** Stops polling and waits for a tick in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
