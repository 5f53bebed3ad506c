/** Something the service needs before it can serve: the database, later the engine. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects (or times out) when not. */
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

/** The list /readyz runs; modules add their own checks when they start. */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];
  private stopping = false;

  constructor(private readonly timeoutMs = 2_000) {}

  add(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** Once shutdown begins, report not ready so load balancers stop sending traffic. */
  markStopping(): void {
    this.stopping = true;
  }

  async report(): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {};
    await Promise.all(
      this.checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error('quá thời gian chờ')), this.timeoutMs);
            }),
          ]);
          checks[name] = 'ok';
        } catch (error) {
          checks[name] = error instanceof Error ? error.message : 'không sẵn sàng';
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    if (this.stopping) checks.shutdown = 'đang dừng dịch vụ';
    return { ready: Object.values(checks).every((status) => status === 'ok'), checks };
  }
}
