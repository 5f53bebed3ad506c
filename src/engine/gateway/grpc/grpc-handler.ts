import type { EngineApi } from '../../engine-api.js';
import type { GatewayLogger } from '../gateway-logger.js';

export interface GrpcContext {
  engine: EngineApi;
  logger: GatewayLogger;
  /** Where clients reach this gateway; reported by Topology. */
  advertised: { host: string; port: number };
}

/** A unary RPC: the decoded request in, the response message out; rejections are thrown as EngineError. */
export type UnaryHandler = (request: unknown, context: GrpcContext) => Promise<object>;

/**
 * Types one handler against its request message. The cast is sound because grpc-js hands each method exactly the
 * message its proto declares, decoded with defaults, so the shape is known at the edge.
 */
export function unary<Req, Res extends object>(
  handler: (request: Req, context: GrpcContext) => Promise<Res>,
): UnaryHandler {
  return handler as (request: unknown, context: GrpcContext) => Promise<Res>;
}

/** int64 fields arrive as decimal strings; "0" is proto's absent value and clients send -1 for "none". */
export function optionalKey(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '0' || value.startsWith('-') ? undefined : value;
}

export function millis(value: string | number | undefined): number {
  const parsed = Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
}
