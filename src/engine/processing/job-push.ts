/**
 * Telling workers about jobs: long-polling listeners (ActivateJobs) are woken per job type after the jobs are
 * persisted; job streams (StreamActivatedJobs) get jobs activated for them and pushed, round-robin over streams.
 */
import type { ActivateJobsCommand, ActivatedJob, JobStreamHandle } from '../engine-api.js';
import type { EngineCore } from './engine-core.js';

interface Stream {
  command: Omit<ActivateJobsCommand, 'maxJobsToActivate'>;
  push: (job: ActivatedJob) => void;
}

export class JobPush {
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly streams = new Map<string, Stream[]>();
  private readonly pushing = new Set<string>();
  private closed = false;

  constructor(private readonly core: EngineCore) {}

  listen(type: string, listener: () => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  openStream(
    command: Omit<ActivateJobsCommand, 'maxJobsToActivate'>,
    push: (job: ActivatedJob) => void,
  ): JobStreamHandle {
    const stream: Stream = { command, push };
    const list = this.streams.get(command.type) ?? [];
    list.push(stream);
    this.streams.set(command.type, list);
    this.jobsAvailable(command.type);
    return {
      close: () => {
        const current = this.streams.get(command.type) ?? [];
        this.streams.set(
          command.type,
          current.filter((candidate) => candidate !== stream),
        );
      },
    };
  }

  jobsAvailable(type: string): void {
    if (this.closed) return;
    if ((this.streams.get(type) ?? []).length > 0) void this.pushToStreams(type);
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }

  private async pushToStreams(type: string): Promise<void> {
    if (this.pushing.has(type)) return;
    this.pushing.add(type);
    try {
      while (!this.closed && this.core.state.activatableJobs.get(type).size > 0) {
        const streams = this.streams.get(type) ?? [];
        if (streams.length === 0) break;
        const deliveries = await this.core.run(() => {
          const out: { stream: Stream; job: ActivatedJob }[] = [];
          let index = 0;
          for (;;) {
            const stream = streams[index % streams.length]!;
            const [job] = this.core.jobActivation.activate(
              type,
              stream.command.worker,
              stream.command.timeoutMs,
              1,
              stream.command.fetchVariables,
              stream.command.tenantIds,
            );
            if (!job) break;
            out.push({ stream, job });
            index += 1;
          }
          // Rotate so the next batch starts with another stream.
          if (streams.length > 1) streams.push(...streams.splice(0, index % streams.length));
          return out;
        });
        for (const delivery of deliveries) delivery.stream.push(delivery.job);
        if (deliveries.length === 0) break;
      }
    } finally {
      this.pushing.delete(type);
    }
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.streams.clear();
  }
}
