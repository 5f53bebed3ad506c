import { Camunda8 } from '@camunda8/sdk';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface EngineAddresses {
  /** The Zeebe gRPC gateway: host:port, grpc://host:port, or grpcs://host:port for TLS. */
  grpcAddress: string;
  /** http(s)://host:port of the Camunda REST v2 API. */
  restAddress: string;
}

/** The official Camunda clients the app and the workers use; the only way anything of ours reaches the engine. */
export interface EngineClients extends EngineAddresses {
  zeebe: ZeebeClient;
  rest: CamundaClientLoose;
  /** Throws when the engine does not answer a Topology call, or reports a partition not healthy. */
  checkReachable(): Promise<void>;
  close(): Promise<void>;
}

/** The address as the SDK takes it: a scheme given is kept (grpcs:// turns TLS on), a bare host:port is plain gRPC. */
export function grpcUrlOf(address: string): string {
  return /^grpcs?:\/\//.test(address) ? address : `grpc://${address}`;
}

/**
 * `auth`: the SDK's own auth variables (CAMUNDA_AUTH_STRATEGY, CAMUNDA_BASIC_AUTH_*, CAMUNDA_OAUTH_TOKEN) for an
 * embedded engine with credentials; otherwise the environment's, as for any Camunda 8 cluster.
 */
export function createEngineClients(
  addresses: EngineAddresses,
  auth: Record<string, string> = {},
): EngineClients {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpcUrlOf(addresses.grpcAddress),
    ZEEBE_REST_ADDRESS: addresses.restAddress,
    CAMUNDA_REST_ADDRESS: addresses.restAddress,
    // An embedded engine passes its credentials in `auth`; a remote Camunda 8 cluster is configured through the
    // SDK's own environment variables (CAMUNDA_AUTH_STRATEGY, client id and secret). Empty is unset: docker compose
    // passes `${CAMUNDA_AUTH_STRATEGY:-}` as an empty string.
    CAMUNDA_AUTH_STRATEGY: process.env.CAMUNDA_AUTH_STRATEGY || 'NONE',
    ...auth,
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zeebe = c8.getZeebeGrpcApiClient();
  const rest = c8.getOrchestrationClusterApiClientLoose();
  return {
    ...addresses,
    zeebe,
    rest,
    async checkReachable() {
      const topology = await zeebe.topology();
      // A partition that is not healthy refuses commands (the embedded engine: its database is away).
      const unhealthy = topology.brokers
        .flatMap((broker) => broker.partitions)
        .find((partition) => String(partition.health) !== 'HEALTHY');
      if (unhealthy)
        throw new Error(`engine partition ${unhealthy.partitionId} is ${String(unhealthy.health)}`);
    },
    async close() {
      await zeebe.close(2_000).catch(() => undefined);
      await c8.closeAllClients().catch(() => undefined);
    },
  };
}
