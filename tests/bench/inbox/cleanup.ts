/**
 * What must be undone however the bench ends (success, failure, Ctrl-C): the service, the database server, the
 * temporary folder. Steps run newest first, each once. A step may have a synchronous last resort (SIGKILL, rmSync)
 * for when the user insists.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void>; force?: () => void }[] = [];
  private running: Promise<void> | undefined;
  /** A signal asked to stop: what fails from then on is the stopping, not a finding. */
  interrupted = false;

  add(name: string, run: () => Promise<void>, force?: () => void): void {
    this.steps.push({ name, run, ...(force ? { force } : {}) });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`[bench] cleanup "${step.name}" failed: ${String(error)}\n`);
        }
      }
    })();
    return this.running;
  }

  private force(): void {
    for (const step of [...this.steps].reverse()) {
      try {
        step.force?.();
      } catch {
        // last resort: carry on with the other steps
      }
    }
  }

  /**
   * SIGINT/SIGTERM: clean up, then exit 130/143. Ctrl-C reaches this process twice (from the terminal and relayed by
   * npm/tsx), so signals in the first two seconds are ignored; a later one kills and removes at once.
   */
  onSignals(): void {
    let first: number | undefined;
    const handler = (signal: NodeJS.Signals): void => {
      if (first !== undefined) {
        if (Date.now() - first < 2_000) return;
        this.force();
        process.exit(1);
      }
      first = Date.now();
      this.interrupted = true;
      process.stderr.write(`[bench] ${signal}: stopping the service and removing its data…\n`);
      void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
