import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ActivateJobsCommand, ActivatedJob } from '../../engine-api.js';
import { EngineError } from '../../engine-api.js';
import type { ActivateJobsRequest } from './grpc-messages.js';
import { millis, type GrpcContext } from './grpc-handler.js';
import { toActivatedJobMessage } from './job.handlers.js';
import { activateWithLongPoll } from '../job-long-poll.js';

/** Zeebe's gateway long-polls this long when the client does not say (requestTimeout 0). */
const defaultLongPollMs = 10_000;

export function toActivateCommand(request: ActivateJobsRequest): ActivateJobsCommand {
  if (!request.type) throw new EngineError('INVALID_ARGUMENT', "Expected argument 'type' to be non-empty");
  if (request.maxJobsToActivate < 1) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected argument 'maxJobsToActivate' to be greater than zero, but got ${request.maxJobsToActivate}`,
    );
  }
  if (millis(request.timeout) < 1) {
    throw new EngineError('INVALID_ARGUMENT', `Expected argument 'timeout' to be greater than zero`);
  }
  return {
    type: request.type,
    worker: request.worker,
    timeoutMs: millis(request.timeout),
    maxJobsToActivate: request.maxJobsToActivate,
    fetchVariables: request.fetchVariable.length > 0 ? request.fetchVariable : undefined,
    tenantIds: request.tenantIds.length > 0 ? request.tenantIds : undefined,
  };
}

/** Long polling until the client's requestTimeout, by which it must have its answer (workers give up one second later). */
export async function activateJobs(
  call: ServerWritableStream<unknown, object>,
  { engine }: GrpcContext,
): Promise<ActivatedJob[]> {
  // grpc-js decodes the request with the proto's ActivateJobsRequest and defaults, so its shape is known.
  const request = call.request as ActivateJobsRequest;
  const command = toActivateCommand(request);
  const requested = millis(request.requestTimeout);
  let cancelled = false;
  call.once('cancelled', () => (cancelled = true));
  return activateWithLongPoll(engine, command, requested === 0 ? defaultLongPollMs : requested, {
    cancelled: () => cancelled,
    onCancel: (listener) => call.once('cancelled', listener),
  });
}

export async function activateJobsHandler(
  call: ServerWritableStream<unknown, object>,
  context: GrpcContext,
): Promise<void> {
  const jobs = await activateJobs(call, context);
  if (jobs.length > 0) call.write({ jobs: jobs.map(toActivatedJobMessage) });
  call.end();
}
