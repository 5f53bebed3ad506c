import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPackageDefinition, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * gateway.proto exactly as the official client ships it, so server and client can never disagree on the wire.
 * Options as verified against @camunda8/sdk's ZeebeGrpcClient: int64 as strings (keys exceed 2^53), enums as names.
 */
export function loadGatewayService(): ServiceDefinition {
  const require = createRequire(import.meta.url);
  const sdkRoot = path.dirname(require.resolve('@camunda8/sdk/package.json'));
  const definition = loadSync(path.join(sdkRoot, 'dist', 'proto', 'zeebe.proto'), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const protocol = loadPackageDefinition(definition).gateway_protocol as unknown as {
    Gateway: { service: ServiceDefinition };
  };
  return protocol.Gateway.service;
}
