/**
 * DEPLOY_AT_START=false: the service runs its workers against whatever is deployed and deploys nothing itself (a
 * secured Camunda cluster may not grant its client RESOURCE:CREATE).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config.js';
import { startService, type ServiceHandle } from '../../../src/main.js';
import { createTestDatabase } from '../../support/database.js';

const db = createTestDatabase('deploy_off');
let service: ServiceHandle | undefined;
afterAll(async () => {
  await service?.close();
  await db.drop();
});

describe('DEPLOY_AT_START', () => {
  it('is on unless set, and when false the service starts, ready, with nothing deployed', async () => {
    expect(loadConfig({}).deployAtStart).toBe(true);
    expect(() => loadConfig({ DEPLOY_AT_START: 'perhaps' })).toThrow(/DEPLOY_AT_START/);
    service = await startService(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        ENGINE_GRPC_PORT: '0',
        ENGINE_REST_PORT: '0',
        MONGODB_URI: db.uri,
        DEPLOY_AT_START: 'false',
      }),
    );
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const deployed = await service.engineClients.rest.searchProcessDefinitions({ filter: {} } as never, {
      consistency: { waitUpToMs: 0 },
    });
    expect(deployed.items).toEqual([]);
  }, 60_000);
});
