/**
 * Issue 11, point 8: the engine's ports authenticate as a Camunda 8.8 cluster does when configured — Basic or a
 * bearer token — and the official clients get in through the SDK's own variables (CAMUNDA_AUTH_STRATEGY…).
 */
import { Camunda8 } from '@camunda8/sdk';
import { describe, expect, it } from 'vitest';
import { connectClients, startTestEngine, useBeforeAll } from '../../support/harness/index.js';
import { startEmbeddedEngine } from '../../../src/engine/index.js';
import { createEngineClients } from '../../../src/app/engine-client/engine-clients.js';
import { loadConfig } from '../../../src/lib/config.js';
import { engineGatewaySettings, sdkAuthVariables } from '../../../src/lib/engine-settings.js';

const basic = { username: 'engine-client', password: 'a long engine password' };
const token = 'a-static-bearer-token-0123456789';

const harness = useBeforeAll(() => startTestEngine({ engine: { auth: { basic, bearerToken: token } } }));

describe('engine authentication', () => {
  it('lets in the SDK with CAMUNDA_AUTH_STRATEGY=BASIC, over gRPC and REST', async () => {
    const clients = connectClients(harness, {
      auth: {
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: basic.username,
        CAMUNDA_BASIC_AUTH_PASSWORD: basic.password,
      },
    });
    try {
      expect((await clients.zeebe.topology()).brokers).toHaveLength(1);
      expect((await clients.rest.getTopology()).brokers).toHaveLength(1);
    } finally {
      await clients.close();
    }
  });

  it('accepts the bearer token: the SDK gRPC client with CAMUNDA_AUTH_STRATEGY=BEARER, and REST', async () => {
    // SDK 8.8's REST client translates only NONE, OAUTH and BASIC; its gRPC client sends CAMUNDA_OAUTH_TOKEN.
    const c8 = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${harness.grpcAddress}`,
      CAMUNDA_AUTH_STRATEGY: 'BEARER',
      CAMUNDA_OAUTH_TOKEN: token,
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    } as ConstructorParameters<typeof Camunda8>[0]);
    const zeebe = c8.getZeebeGrpcApiClient();
    try {
      expect((await zeebe.topology()).brokers).toHaveLength(1);
    } finally {
      await zeebe.close(2_000);
    }
    const response = await fetch(`${harness.restAddress}/v2/topology`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses missing or wrong credentials: gRPC UNAUTHENTICATED, REST 401', async () => {
    const clients = connectClients(harness, { retry: false });
    const wrong = connectClients(harness, {
      retry: false,
      auth: {
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: basic.username,
        CAMUNDA_BASIC_AUTH_PASSWORD: 'not the password',
      },
    });
    try {
      for (const client of [clients, wrong]) {
        await expect(client.zeebe.topology()).rejects.toMatchObject({ code: 16 });
        await expect(
          client.zeebe.createProcessInstance({ bpmnProcessId: 'any', variables: {} }),
        ).rejects.toMatchObject({ code: 16 });
      }
      const response = await fetch(`${harness.restAddress}/v2/topology`);
      expect(response.status).toBe(401);
      const bearer = await fetch(`${harness.restAddress}/v2/topology`, {
        headers: { authorization: 'Bearer wrong-token-0123456789' },
      });
      expect(bearer.status).toBe(401);
    } finally {
      await clients.close();
      await wrong.close();
    }
  });

  it("gives the app's clients the credentials through the SDK's variables (as npm start does)", async () => {
    const config = loadConfig({
      ENGINE_AUTH_USERNAME: basic.username,
      ENGINE_AUTH_PASSWORD: basic.password,
    });
    const clients = createEngineClients(harness, sdkAuthVariables(engineGatewaySettings(config)));
    try {
      await clients.checkReachable();
      expect((await clients.rest.getTopology()).brokers).toHaveLength(1);
    } finally {
      await clients.close();
    }
    const tokenOnly = loadConfig({ ENGINE_AUTH_TOKEN: token });
    expect(() => sdkAuthVariables(engineGatewaySettings(tokenOnly))).toThrow(/ENGINE_AUTH_USERNAME/);
  });

  it('refuses to listen beyond the loopback interface without credentials', async () => {
    await expect(
      startEmbeddedEngine({ mongoUri: harness.database.uri, host: '0.0.0.0', grpcPort: 0, restPort: 0 }),
    ).rejects.toThrow(/ENGINE_AUTH_USERNAME/);
  });
});
