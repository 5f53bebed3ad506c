/**
 * The engine's address as an operator writes it: host:port, grpc://host:port, or grpcs://host:port for a cluster
 * behind TLS (the README's own example carries a scheme, which used to become "grpc://grpcs://…").
 */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createEngineClients, grpcUrlOf } from '../../../src/app/engine-client/engine-clients.js';
import { startTestEngine, useBeforeAll } from '../../support/harness/index.js';

const engine = useBeforeAll(() => startTestEngine({ database: 'clients', clients: {} }), 60_000);

describe('the engine address given to the official clients', () => {
  it('keeps a scheme as written and makes a bare host:port plain gRPC', () => {
    expect(grpcUrlOf('zeebe.example:26500')).toBe('grpc://zeebe.example:26500');
    expect(grpcUrlOf('grpc://zeebe.example:26500')).toBe('grpc://zeebe.example:26500');
    expect(grpcUrlOf('grpcs://zeebe.example:443')).toBe('grpcs://zeebe.example:443');
  });

  it.each([
    ['host:port', (address: string) => address],
    ['grpc://host:port', (address: string) => `grpc://${address}`],
  ])('reaches the engine at %s', async (_form, write) => {
    const clients = createEngineClients({
      grpcAddress: write(engine.grpcAddress),
      restAddress: engine.restAddress,
    });
    try {
      await expect(clients.checkReachable()).resolves.toBeUndefined();
    } finally {
      await clients.close();
    }
  });

  it.each([
    ['grpcs://', 'TLS', 0x16],
    ['grpc://', 'HTTP/2 in plain text', 0x50],
  ])(
    'opens a %s address with %s',
    async (scheme, _what, firstByte) => {
      // A listener that reads what the client sends first: a TLS handshake starts with 0x16, HTTP/2's preface with "P".
      const first = new Promise<number>((resolve) => {
        const server = createServer((socket) => {
          socket.once('data', (data) => {
            resolve(data[0] ?? -1);
            socket.destroy();
            server.close();
          });
        });
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          const clients = createEngineClients({
            grpcAddress: `${scheme}127.0.0.1:${port}`,
            restAddress: engine.restAddress,
          });
          void clients.checkReachable().catch(() => undefined);
          void first.finally(() => clients.close());
        });
      });
      expect(await first).toBe(firstByte);
    },
    30_000,
  );
});
