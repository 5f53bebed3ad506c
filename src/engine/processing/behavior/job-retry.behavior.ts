/** Failed and timed-out jobs: activatable again at once, after a back-off, or never (no retries left). */
import type { Clock } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { JobRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { Scheduler } from '../scheduler.js';
import type { JobBehavior } from './job.behavior.js';

export class JobRetryBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly jobs: JobBehavior,
  ) {}

  /** Fail with retries left: activatable now or after the back-off. */
  fail(job: JobRecord, retries: number, errorMessage: string, backOffMs: number): void {
    job.retries = retries;
    job.errorMessage = errorMessage;
    if (retries > 0 && backOffMs <= 0) {
      this.jobs.makeActivatable(job);
      return;
    }
    job.state = 'FAILED';
    job.worker = '';
    job.deadline = -1;
    job.retryAt = retries > 0 ? this.clock.now() + backOffMs : -1;
    this.writer.putJob(job);
    if (job.retryAt > 0) this.scheduler.schedule(job.retryAt, 'jobRetry', job.key);
  }

  /** Scheduler: an activation deadline passed. */
  onDeadline(jobKey: string, now: number): void {
    const job = this.state.jobs.get(jobKey);
    if (job && job.state === 'ACTIVATED' && job.deadline <= now) this.jobs.makeActivatable(job);
  }

  onRetryDue(jobKey: string, now: number): void {
    const job = this.state.jobs.get(jobKey);
    if (job && job.state === 'FAILED' && job.retries > 0 && job.retryAt > 0 && job.retryAt <= now) {
      this.jobs.makeActivatable(job);
    }
  }
}
