/**
 * Recognises a failure to reach the database or the engine, so the client is told to retry later (503) instead of
 * being shown a bug (500). Recognised by the drivers' error names and the sockets' codes, so this layer needs
 * neither driver.
 */
const UNREACHABLE_DATABASE = new Set([
  'MongoNotConnectedError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoTopologyClosedError',
  'MongoPoolClosedError',
]);
const UNREACHABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
/** gRPC's UNAVAILABLE. */
const GRPC_UNAVAILABLE = 14;

export function isDependencyOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.name === 'string' && UNREACHABLE_DATABASE.has(candidate.name)) return true;
    if (typeof candidate.code === 'string' && UNREACHABLE_SOCKET.has(candidate.code)) return true;
    if (candidate.code === GRPC_UNAVAILABLE) return true;
    // Mongoose's own wording when a command waited for a connection that never came.
    if (
      typeof candidate.message === 'string' &&
      /buffering timed out|Connection was force closed/.test(candidate.message)
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
