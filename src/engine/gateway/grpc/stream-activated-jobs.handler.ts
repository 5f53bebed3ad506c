import type { ServerWritableStream } from '@grpc/grpc-js';
import { EngineError } from '../../engine-api.js';
import type { StreamActivatedJobsRequest } from './grpc-messages.js';
import { millis, type GrpcContext } from './grpc-handler.js';
import { toActivatedJobMessage } from './job.handlers.js';

/** Job push: the stream stays open and carries each job the engine activates for it, until the client leaves. */
export async function streamActivatedJobsHandler(
  call: ServerWritableStream<unknown, object>,
  { engine }: GrpcContext,
): Promise<void> {
  // Decoded by grpc-js against the proto's StreamActivatedJobsRequest, with defaults.
  const request = call.request as StreamActivatedJobsRequest;
  if (!request.type) throw new EngineError('INVALID_ARGUMENT', "Expected argument 'type' to be non-empty");
  if (millis(request.timeout) < 1) {
    throw new EngineError('INVALID_ARGUMENT', "Expected argument 'timeout' to be greater than zero");
  }
  const handle = engine.openJobStream(
    {
      type: request.type,
      worker: request.worker,
      timeoutMs: millis(request.timeout),
      fetchVariables: request.fetchVariable.length > 0 ? request.fetchVariable : undefined,
      tenantIds: request.tenantIds.length > 0 ? request.tenantIds : undefined,
    },
    (job) => call.write(toActivatedJobMessage(job)),
  );
  await new Promise<void>((resolve) => {
    const close = (): void => {
      handle.close();
      resolve();
    };
    call.once('cancelled', close);
    call.once('close', close);
    call.once('error', close);
  });
}
