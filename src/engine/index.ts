/**
 * The embedded engine's public entry: the engine core behind Camunda's own protocols. The composition root
 * (src/main.ts) and `npm run engine` (src/engine-main.ts) start it here; everything else reaches it only over gRPC and REST.
 */
import { SystemClock } from './clock/system-clock.js';
import type { Clock, EngineApi } from './engine-api.js';
import { createEngine } from './engine.js';
import { silentLogger, type GatewayLogger } from './gateway/gateway-logger.js';
import { startGrpcGateway } from './gateway/grpc/grpc-gateway.js';
import { startRestGateway } from './gateway/rest/rest-gateway.js';
import { engineProfileFromEnv, type EngineProfile } from './profiles/engine-profile.js';
import { secondaryStorageView } from './profiles/secondary-storage-view.js';
import { authRequired, isLoopback, type GatewayAuth } from './gateway/gateway-auth.js';
import type { VariableLimits } from './gateway/variable-limits.js';

export { ControllableClock } from './clock/controllable-clock.js';
export { SystemClock, type TimeSource } from './clock/system-clock.js';
export type { Clock } from './engine-api.js';
export type { GatewayLogger } from './gateway/gateway-logger.js';
export type { EngineProfile } from './profiles/engine-profile.js';
export type { GatewayAuth } from './gateway/gateway-auth.js';
export type { VariableLimits } from './gateway/variable-limits.js';

export interface EmbeddedEngineOptions {
  /** MongoDB (or FerretDB) connection string including the database name. */
  mongoUri: string;
  /** 26500 is Zeebe's default; 0 picks a free port. */
  grpcPort?: number;
  /** 8080 is Camunda's default; 0 picks a free port. */
  restPort?: number;
  /**
   * Interface both gateways bind to; 127.0.0.1 by default. Beyond the loopback interface `auth` is required: the
   * engine refuses to start open to the network.
   */
  host?: string;
  /** Basic credentials or a bearer token every gRPC call and REST request must carry (ENGINE_AUTH_*). */
  auth?: GatewayAuth;
  /** Host names the REST port accepts in the Host header besides the loopback names and `host`. */
  allowedHosts?: readonly string[];
  /** Depth and size limits of client variable documents (ENGINE_MAX_VARIABLE_DEPTH, ENGINE_MAX_VARIABLES_BYTES). */
  variableLimits?: VariableLimits;
  /** Shortest timer duration or cycle (ENGINE_TIMER_FLOOR_MS); 1 s by default. */
  timerFloorMs?: number;
  /** Every timer, due date and job deadline reads this clock; tests pass a ControllableClock. */
  clock?: Clock;
  logger?: GatewayLogger;
  /** REST may pin and reset the clock (ENGINE_CLOCK_CONTROLLED, Camunda's ZEEBE_CLOCK_CONTROLLED). */
  clockControlled?: boolean;
  /** How REST v2 reads behave; from ENGINE_PROFILE / ENGINE_SEARCH_LAG_MS when not given. */
  profile?: EngineProfile;
}

/** The engine started behind its gRPC and REST gateways. */
export interface EngineWithGateways {
  /** host:port for ZEEBE_GRPC_ADDRESS (grpc://…). */
  grpcAddress: string;
  /** http://host:port for CAMUNDA_REST_ADDRESS / ZEEBE_REST_ADDRESS. */
  restAddress: string;
  engine: EngineApi;
  /** Stops accepting calls, then closes the engine (its state is already persisted). */
  close(): Promise<void>;
}

function safeJson(data: unknown): string {
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}

export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EngineWithGateways> {
  const logger = options.logger ?? silentLogger;
  const profile = options.profile ?? engineProfileFromEnv(process.env);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !authRequired(options.auth))
    throw new Error(
      `The engine would listen on ${host} without authentication: set ENGINE_AUTH_USERNAME and ENGINE_AUTH_PASSWORD, or ENGINE_AUTH_TOKEN`,
    );
  const { auth, variableLimits } = options;
  const engine = await createEngine({
    mongoUri: options.mongoUri,
    ...(options.timerFloorMs !== undefined ? { timerFloorMs: options.timerFloorMs } : {}),
    clock: options.clock ?? new SystemClock(),
    ...(options.clockControlled !== undefined ? { clockControlled: options.clockControlled } : {}),
    logger: (level, message, data) =>
      logger[level](data === undefined ? message : `${message} ${safeJson(data)}`),
  });
  await engine.ready();
  const grpc = await startGrpcGateway({
    engine,
    host,
    port: options.grpcPort ?? 26500,
    logger,
    auth,
    variableLimits,
  });
  // Only REST v2 reads lag in Camunda (secondary storage); gRPC commands and job activation do not.
  const restView =
    profile.name === 'camunda-8.8' ? secondaryStorageView(engine, { lagMs: profile.searchLagMs }) : engine;
  const rest = await startRestGateway({
    engine: restView,
    host,
    port: options.restPort ?? 8080,
    logger,
    auth,
    variableLimits,
    allowedHosts: options.allowedHosts,
  }).catch(async (error: unknown) => {
    await grpc.close();
    await engine.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    grpcAddress: grpc.address,
    restAddress: rest.address,
    engine,
    close: () =>
      (closing ??= (async () => {
        await Promise.all([grpc.close(), rest.close()]);
        await engine.close();
      })()),
  };
}
