/**
 * DEPLOY_AT_START=false: the service runs its workers against whatever is deployed and deploys nothing itself (a
 * secured Camunda cluster may not grant its client RESOURCE:CREATE).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/lib/config.js';
import { startTestService, type TestService } from '../../support/harness/index.js';

let stack: TestService | undefined;
afterAll(async () => stack?.close());

describe('DEPLOY_AT_START', () => {
  it('is on unless set, and when false the service starts, ready, with nothing deployed', async () => {
    expect(loadConfig({}).deployAtStart).toBe(true);
    expect(() => loadConfig({ DEPLOY_AT_START: 'perhaps' })).toThrow(/DEPLOY_AT_START/);
    stack = await startTestService({ env: { DEPLOY_AT_START: 'false', SEED_DEMO: 'false' } });
    const service = stack.service;
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const deployed = await service.engineClients.rest.searchProcessDefinitions({ filter: {} } as never, {
      consistency: { waitUpToMs: 0 },
    });
    expect(deployed.items).toEqual([]);
  }, 60_000);
});
