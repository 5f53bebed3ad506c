/**
 * What a composition root started, stopped in the reverse order: the last part started (the HTTP server) stops first,
 * the first (the database) last, so nothing still running loses what it depends on. Also used when start-up fails
 * half-way: exactly what was started is stopped.
 */
export class Lifecycle {
  private readonly started: { name: string; stop: () => Promise<void> | void }[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly onStopError: (name: string, error: unknown) => void) {}

  /** Records a part that has started, with how to stop it; returns the part, for `const x = life.add(…)`. */
  add<T>(part: T, name: string, stop: (part: T) => Promise<void> | void): T {
    this.started.push({ name, stop: () => stop(part) });
    return part;
  }

  /** Stops every part in the reverse order of its start, once; a part that fails to stop does not keep the rest up. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, stop } of this.started.reverse()) {
        try {
          await stop();
        } catch (error) {
          this.onStopError(name, error);
        }
      }
    })();
    return this.stopping;
  }
}
