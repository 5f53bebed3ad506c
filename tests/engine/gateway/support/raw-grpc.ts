import { createRequire } from 'node:module';
import path from 'node:path';
import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

type UnaryMethod = (
  request: object,
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

/**
 * A bare grpc-js client on the SDK's own gateway.proto, for what the SDK refuses to send (malformed JSON in a
 * variables field): it proves the server guards its edge rather than trusting clients.
 */
export function rawGatewayClient(address: string): {
  call(method: string, request: object): Promise<unknown>;
  close(): void;
} {
  const require = createRequire(import.meta.url);
  const proto = path.join(
    path.dirname(require.resolve('@camunda8/sdk/package.json')),
    'dist/proto/zeebe.proto',
  );
  const definition = loadSync(proto, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const Gateway = (
    loadPackageDefinition(definition).gateway_protocol as unknown as {
      Gateway: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => Client;
    }
  ).Gateway;
  const client = new Gateway(address, credentials.createInsecure());
  return {
    call: (method, request) =>
      new Promise((resolve, reject) => {
        const invoke = (client as unknown as Record<string, UnaryMethod>)[method];
        if (!invoke) return reject(new Error(`no method ${method}`));
        invoke.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
      }),
    close: () => client.close(),
  };
}
