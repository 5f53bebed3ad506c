/** Job updates from workers and operators: retries and activation timeout. */
import { EngineError, type Clock } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { Scheduler } from '../scheduler.js';
import { findJob } from './job-lookup.js';

export class JobUpdateCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
  ) {}

  private job(jobKey: string, action: string) {
    return findJob(this.state, jobKey, action);
  }

  updateRetries(jobKey: string, retries: number): void {
    const job = this.job(jobKey, 'update retries of');
    if (!Number.isInteger(retries) || retries < 1) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected retries to be greater than zero, but it was ${retries}`,
      );
    }
    job.retries = retries;
    this.writer.putJob(job);
  }

  updateTimeout(jobKey: string, timeoutMs: number): void {
    const job = this.job(jobKey, 'update the timeout of');
    if (job.state !== 'ACTIVATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
      );
    }
    job.deadline = this.clock.now() + timeoutMs;
    this.writer.putJob(job);
    this.scheduler.schedule(job.deadline, 'jobDeadline', job.key);
  }
}
