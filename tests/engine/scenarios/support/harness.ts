import { Camunda8 } from '@camunda8/sdk';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { ControllableClock } from '../../../../src/engine/clock/controllable-clock.js';
import { startEmbeddedEngine, type EngineWithGateways } from '../../../../src/engine/index.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** One engine on a fresh database, reached only through the official clients over real sockets. */
export interface EngineHarness {
  clock: ControllableClock;
  zeebe: ZeebeClient;
  /** The 8.8 Orchestration Cluster API client, validating responses strictly against Camunda's schemas. */
  rest: CamundaClientLoose;
  restAddress: string;
  grpcAddress: string;
  /** Stops the engine and starts a new one on the same database and ports. */
  restart(): Promise<void>;
  /** Closes the clients and the engine, and drops the database. */
  close(): Promise<void>;
}

function clients(
  grpcAddress: string,
  restAddress: string,
): { c8: Camunda8; zeebe: ZeebeClient; rest: CamundaClientLoose } {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${grpcAddress}`,
    ZEEBE_REST_ADDRESS: restAddress,
    CAMUNDA_REST_ADDRESS: restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    CAMUNDA_SDK_VALIDATION: 'req:none,res:strict',
    CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS: 500,
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 50 },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return { c8, zeebe: c8.getZeebeGrpcApiClient(), rest: c8.getOrchestrationClusterApiClientLoose() };
}

export async function startHarness(start = '2026-03-01T01:00:00.000Z'): Promise<EngineHarness> {
  const database: TestDatabase = createTestDatabase('engine');
  const clock = new ControllableClock(start);
  let engine: EngineWithGateways = await startEmbeddedEngine({
    mongoUri: database.uri,
    grpcPort: 0,
    restPort: 0,
    clock,
  });
  const ports = {
    grpc: Number(engine.grpcAddress.split(':').pop()),
    rest: Number(engine.restAddress.split(':').pop()),
  };
  const { c8, zeebe, rest } = clients(engine.grpcAddress, engine.restAddress);
  return {
    clock,
    zeebe,
    rest,
    grpcAddress: engine.grpcAddress,
    restAddress: engine.restAddress,
    async restart() {
      await engine.close();
      engine = await startEmbeddedEngine({
        mongoUri: database.uri,
        grpcPort: ports.grpc,
        restPort: ports.rest,
        clock,
      });
    },
    async close() {
      await zeebe.close(2_000).catch(() => undefined);
      await c8.closeAllClients().catch(() => undefined);
      await engine.close();
      await database.drop();
    },
  };
}

/** Polls until the check passes (REST reads are eventually consistent in Camunda; clients are written that way). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw lastError;
}

/**
 * The REST client brands keys nested inside filters and request objects (its loose variant unbrands only the top
 * level); tests hold plain strings taken from gRPC answers, so they pass such objects through this.
 */
export function loose<T>(value: T): never {
  return value as never;
}
