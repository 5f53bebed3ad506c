/** What the scheduler hands over when something fell due: timers, job deadlines and retries, message TTLs. */
import type { BufferedMessageBehavior } from '../behavior/buffered-message.behavior.js';
import type { JobRetryBehavior } from '../behavior/job-retry.behavior.js';
import type { DueEntry, DueKind } from '../scheduler.js';
import type { TimerCommands } from './timer.commands.js';

export class DueCommands {
  private readonly handlers: Record<DueKind, (key: string, now: number) => void>;

  constructor(timers: TimerCommands, jobs: JobRetryBehavior, bufferedMessages: BufferedMessageBehavior) {
    this.handlers = {
      timer: (key, now) => timers.fire(key, now),
      jobDeadline: (key, now) => jobs.onDeadline(key, now),
      jobRetry: (key, now) => jobs.onRetryDue(key, now),
      messageTtl: (key, now) => bufferedMessages.expire(key, now),
    };
  }

  /**
   * Handlers check the record against `now`; an entry the scheduler moved after a clock step stands for the record's
   * own due time, so it is handled as of that time when it pops earlier than the wall clock would say.
   */
  handle(entries: DueEntry[], now: number): void {
    for (const entry of entries) this.handlers[entry.kind](entry.key, Math.max(now, entry.at));
  }
}
