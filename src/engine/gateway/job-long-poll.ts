import type { ActivateJobsCommand, ActivatedJob, EngineApi } from '../engine-api.js';

/** What a protocol tells the long poll about its client: whether it went away, and a hook for when it does. */
export interface PollCancellation {
  cancelled(): boolean;
  onCancel(listener: () => void): void;
}

const neverCancelled: PollCancellation = { cancelled: () => false, onCancel: () => undefined };

/**
 * Long polling, shared by gRPC ActivateJobs and REST `/v2/jobs/activation`: activate what is there; if nothing,
 * wait until the engine says jobs of this type may be activatable, and try again, until `longPollMs` has passed
 * (negative: answer at once). The listener is registered before each attempt so a job created in between is not
 * missed.
 */
export async function activateWithLongPoll(
  engine: EngineApi,
  command: ActivateJobsCommand,
  longPollMs: number,
  cancellation: PollCancellation = neverCancelled,
): Promise<ActivatedJob[]> {
  const deadline = Date.now() + Math.max(longPollMs, 0);
  for (;;) {
    let signalled = false;
    let wake: () => void = () => undefined;
    const unsubscribe = engine.onJobsAvailable(command.type, () => {
      signalled = true;
      wake();
    });
    try {
      const jobs = await engine.activateJobs(command);
      if (jobs.length > 0 || cancellation.cancelled() || longPollMs < 0) return jobs;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return [];
      if (!signalled) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
          cancellation.onCancel(wake);
        });
      }
      if (cancellation.cancelled()) return [];
    } finally {
      unsubscribe();
    }
  }
}
