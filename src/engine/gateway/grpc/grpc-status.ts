import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { EngineError, type EngineErrorCode } from '../../engine-api.js';
import type { GatewayLogger } from '../gateway-logger.js';

const statusByCode: Record<EngineErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
};

/** An engine rejection becomes the gRPC status Zeebe would send; anything else is our bug and says INTERNAL. */
export function toServiceError(error: unknown, method: string, logger: GatewayLogger): Partial<ServiceError> {
  if (error instanceof EngineError) {
    return { code: statusByCode[error.code], details: error.message, metadata: new Metadata() };
  }
  const message = error instanceof Error ? error.message : String(error);
  logger.error(
    `gRPC ${method} failed unexpectedly: ${error instanceof Error ? (error.stack ?? message) : message}`,
  );
  return {
    code: status.INTERNAL,
    details: `Unexpected error in ${method}: ${message}`,
    metadata: new Metadata(),
  };
}
