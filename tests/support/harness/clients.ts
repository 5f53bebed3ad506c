import { Camunda8 } from '@camunda8/sdk';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface ClientOptions {
  /** CAMUNDA_SDK_VALIDATION; the SDK's default when left out. */
  validation?: string;
  /** How often the SDK's gRPC job workers poll (ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS). */
  workerPollIntervalMs?: number;
  /** CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS. */
  workerMaxBackoffMs?: number;
  /** false: the gRPC client reports errors at once instead of retrying them. */
  retry?: boolean;
  /** The SDK's own auth variables (CAMUNDA_AUTH_STRATEGY, CAMUNDA_BASIC_AUTH_*, CAMUNDA_OAUTH_TOKEN); NONE by default. */
  auth?: Record<string, string>;
}

/** The official Camunda 8 clients, gRPC and REST, on one engine; the SDK's logs are silenced. */
export interface TestClients {
  c8: Camunda8;
  zeebe: ZeebeClient;
  /** The 8.8 Orchestration Cluster API client (REST v2). */
  rest: CamundaClientLoose;
  /** Closes the gRPC client, then every other client the SDK made. */
  close(): Promise<void>;
}

export interface EngineAddresses {
  /** host:port */
  grpcAddress: string;
  /** http://host:port */
  restAddress: string;
}

export function connectClients(addresses: EngineAddresses, options: ClientOptions = {}): TestClients {
  const grpcSettings: Record<string, unknown> = { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' };
  if (options.workerPollIntervalMs !== undefined)
    grpcSettings.ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS = options.workerPollIntervalMs;
  if (options.retry === false) grpcSettings.ZEEBE_GRPC_CLIENT_RETRY = false;
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${addresses.grpcAddress}`,
    ZEEBE_REST_ADDRESS: addresses.restAddress,
    CAMUNDA_REST_ADDRESS: addresses.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    ...options.auth,
    CAMUNDA_LOG_LEVEL: 'none',
    ...(options.validation ? { CAMUNDA_SDK_VALIDATION: options.validation } : {}),
    ...(options.workerMaxBackoffMs !== undefined
      ? { CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS: options.workerMaxBackoffMs }
      : {}),
    zeebeGrpcSettings: grpcSettings,
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zeebe = c8.getZeebeGrpcApiClient();
  const rest = c8.getOrchestrationClusterApiClientLoose();
  let closing: Promise<void> | undefined;
  return {
    c8,
    zeebe,
    rest,
    close: () =>
      (closing ??= (async () => {
        await zeebe.close(2_000).catch(() => undefined);
        await c8.closeAllClients().catch(() => undefined);
      })()),
  };
}

/** No client-side validation overhead, workers polling every 10 ms: the benchmarks' clients. */
export const BENCH_CLIENTS: ClientOptions = { validation: 'none', workerPollIntervalMs: 10 };
