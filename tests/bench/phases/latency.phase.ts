import { oneTaskProcess } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { percentile, round, sleep } from '../support/stats.js';

export type JobDelivery = 'job-push' | 'long-polling';

export interface LatencyFigures {
  jobDelivery: JobDelivery;
  ratePerSecond: number;
  instances: number;
  jobActivationMs: { p50: number; p99: number; target: string };
  wholeInstanceMs: { p50: number; p99: number; target: string };
}

/**
 * A steady 50 instances/s. Job activation latency: from the create call to the worker receiving the job (same
 * process, same clock). Whole instance: createProcessInstanceWithResult's round trip, which covers start, job,
 * completion and end. Jobs reach the worker by job push (StreamActivatedJobs, what Camunda's published latency
 * figures use) or by the classic long-polling worker (ActivateJobs).
 */
export async function measureLatency(
  zeebe: ZeebeClient,
  seconds: number,
  jobDelivery: JobDelivery,
  ratePerSecond = 50,
): Promise<LatencyFigures> {
  const processId = `bench-latency-${jobDelivery}`;
  await zeebe.deployResource({
    name: `${processId}.bpmn`,
    process: Buffer.from(oneTaskProcess(processId, processId)),
  });
  const activation: number[] = [];
  const whole: number[] = [];
  const received = (job: { variables: Record<string, unknown> }): void =>
    void activation.push(Date.now() - Number(job.variables.sentAt));
  const worker =
    jobDelivery === 'job-push'
      ? await zeebe.streamJobs({
          type: processId,
          worker: 'bench',
          timeout: 60_000,
          tenantIds: [],
          taskHandler: (job) => {
            received(job);
            return job.complete();
          },
        })
      : zeebe.createWorker({
          taskType: processId,
          maxJobsToActivate: 64,
          timeout: 60_000,
          taskHandler: (job) => {
            received(job);
            return job.complete();
          },
        });
  await sleep(500);
  const instances = seconds * ratePerSecond;
  const interval = 1000 / ratePerSecond;
  const started = Date.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < instances; index += 1) {
    const wait = started + index * interval - Date.now();
    if (wait > 0) await sleep(wait);
    const sentAt = Date.now();
    pending.push(
      zeebe
        .createProcessInstanceWithResult({
          bpmnProcessId: processId,
          variables: { sentAt },
          requestTimeout: 30_000,
        })
        .then(() => void whole.push(Date.now() - sentAt)),
    );
  }
  await Promise.all(pending);
  await worker.close();
  return {
    jobDelivery,
    ratePerSecond,
    instances,
    jobActivationMs: {
      p50: round(percentile(activation, 50)),
      p99: round(percentile(activation, 99)),
      target: 'p50 <= 10, p99 <= 50',
    },
    wholeInstanceMs: {
      p50: round(percentile(whole, 50)),
      p99: round(percentile(whole, 99)),
      target: 'p99 <= 100',
    },
  };
}
