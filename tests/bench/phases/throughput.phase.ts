import { oneTaskProcess } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { round, sleep } from '../support/stats.js';

export interface ThroughputFigures {
  instances: number;
  maxInFlight: number;
  seconds: number;
  completedInstancesPerSecond: number;
  target: string;
}

/** start → one service task → end, as fast as a gRPC worker completes them, with a bounded number in flight. */
export async function measureThroughput(
  zeebe: ZeebeClient,
  instances: number,
  maxInFlight: number,
): Promise<ThroughputFigures> {
  await zeebe.deployResource({
    name: 'bench-throughput.bpmn',
    process: Buffer.from(oneTaskProcess('bench-throughput', 'bench-throughput')),
  });
  const seconds = await driveInstances(zeebe, 'bench-throughput', 'bench-throughput', instances, maxInFlight);
  return {
    instances,
    maxInFlight,
    seconds: round(seconds, 2),
    completedInstancesPerSecond: round(instances / seconds),
    target: '>= 150 instances/s (aim 300)',
  };
}

/**
 * Creates `instances` instances of a deployed process whose one job has type `taskType`, completes every job with
 * a gRPC worker, at most `maxInFlight` unfinished at a time; answers the seconds until the last job completed.
 * Each instance gets `variables(n)`.
 */
export async function driveInstances(
  zeebe: ZeebeClient,
  bpmnProcessId: string,
  taskType: string,
  instances: number,
  maxInFlight: number,
  variables: (n: number) => Record<string, number> = (n) => ({ n }),
): Promise<number> {
  let completed = 0;
  let done: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (done = resolve));
  const worker = zeebe.createWorker({
    taskType,
    maxJobsToActivate: 256,
    timeout: 60_000,
    taskHandler: async (job) => {
      const acknowledged = await job.complete({ ok: true });
      completed += 1;
      if (completed === instances) done();
      return acknowledged;
    },
  });
  const started = Date.now();
  let created = 0;
  const creators = Array.from({ length: 16 }, async () => {
    while (created < instances) {
      if (created - completed >= maxInFlight) {
        await sleep(2);
        continue;
      }
      created += 1;
      await zeebe.createProcessInstance({ bpmnProcessId, variables: variables(created) });
    }
  });
  await Promise.all(creators);
  await allDone;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  return seconds;
}
