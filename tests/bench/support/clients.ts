import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** Official clients against the engine, quiet and without client-side validation overhead. */
export function connect(grpcAddress: string, restAddress: string): { c8: Camunda8; zeebe: ZeebeClient } {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${grpcAddress}`,
    ZEEBE_REST_ADDRESS: restAddress,
    CAMUNDA_REST_ADDRESS: restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    CAMUNDA_SDK_VALIDATION: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 10 },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return { c8, zeebe: c8.getZeebeGrpcApiClient() };
}
