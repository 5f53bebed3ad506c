import type { Camunda8 } from '@camunda8/sdk';
import { BadInputError, BusinessError } from './business-error.js';
import { inputChecker } from './input-validation.js';
import type { JobContext, RegisteredWorker, WorkerDeps } from './worker-definition.js';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
type JsonDoc = Record<string, never>;

export interface WorkerLog {
  info(message: string): void;
  error(message: string): void;
}

export interface WorkerRuntimeOptions {
  /** How long a job stays with this worker before the engine gives it to another (ms). */
  timeoutMs?: number;
  pollIntervalMs?: number;
  log?: WorkerLog;
}

export interface RunningWorkers {
  types: string[];
  close(): Promise<void>;
}

const quiet: WorkerLog = { info: () => undefined, error: () => undefined };

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Registers every worker of the registry. Bad input variables fail the job with no retries left, so the engine
 * raises an incident naming them; a BusinessError becomes the BPMN error the process catches; anything else fails
 * the job with its message and the engine's retry count decides when it becomes an incident.
 */
export function startWorkers(
  zeebe: ZeebeClient,
  workers: readonly RegisteredWorker[],
  deps: WorkerDeps,
  options: WorkerRuntimeOptions = {},
): RunningWorkers {
  const log = options.log ?? quiet;
  const running = workers.map((worker) => {
    const check = inputChecker(worker.input);
    return zeebe.createWorker({
      taskType: worker.type,
      timeout: options.timeoutMs ?? 60_000,
      pollInterval: options.pollIntervalMs ?? 300,
      maxJobsToActivate: 8,
      taskHandler: async (job) => {
        const problem = check(job.variables);
        if (problem) {
          log.error(`${worker.type} ${job.key}: ${problem}`);
          return job.fail({
            errorMessage: `Biến đầu vào không hợp lệ cho "${worker.type}" (${job.elementId}): ${problem}.`,
            retries: 0,
          });
        }
        const context: JobContext<unknown> = {
          variables: job.variables,
          headers: Object.fromEntries(
            Object.entries(job.customHeaders).map(([key, value]) => [key, String(value)]),
          ),
          jobKey: String(job.key),
          processInstanceKey: String(job.processInstanceKey),
          elementInstanceKey: String(job.elementInstanceKey),
          bpmnProcessId: job.bpmnProcessId,
          elementId: job.elementId,
        };
        try {
          const output = await worker.handle(context, deps);
          return job.complete(output as JsonDoc);
        } catch (error) {
          if (error instanceof BusinessError) {
            log.info(`${worker.type} ${job.key}: BPMN error ${error.code}`);
            return job.error({
              errorCode: error.code,
              errorMessage: error.message,
              variables: error.variables as JsonDoc,
            });
          }
          log.error(`${worker.type} ${job.key}: ${messageOf(error)}`);
          if (error instanceof BadInputError)
            return job.fail({
              errorMessage: `Biến đầu vào không hợp lệ cho "${worker.type}" (${job.elementId}): ${error.message}`,
              retries: 0,
            });
          return job.fail({
            errorMessage: `"${worker.type}" thất bại tại ${job.elementId}: ${messageOf(error)}`,
            retryBackOff: 1_000,
          });
        }
      },
    });
  });
  return {
    types: workers.map((worker) => worker.type),
    async close() {
      await Promise.all(running.map((worker) => worker.close(2_000).catch(() => undefined)));
    },
  };
}
