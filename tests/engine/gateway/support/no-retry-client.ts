import { Camunda8 } from '@camunda8/sdk';

/** An SDK gRPC client that reports errors at once instead of retrying them. */
export function noRetryClient(grpcAddress: string) {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${grpcAddress}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zeebe = c8.getZeebeGrpcApiClient();
  return { zeebe, close: () => zeebe.close(1_000).then(() => undefined) };
}
