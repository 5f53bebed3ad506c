import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  flow,
  loose,
  noWait,
  oneTaskProcess,
  processXml,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

function post(path: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${harness.restAddress}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
}

describe('REST v2 gateway', () => {
  it('reports the topology', async () => {
    const topology = await harness.rest.getTopology();
    expect(topology.gatewayVersion).toMatch(/^8\.8\./);
    expect(topology.brokers[0]?.partitions[0]).toMatchObject({ role: 'leader', health: 'healthy' });
  });

  it('deploys multipart resources and serves process processXml, their XML and search', async () => {
    const xml = oneTaskProcess('rest-deploy', 'rest-deploy');
    const deployment = await harness.rest.createDeployment({
      resources: loose([new File([xml], 'rest-deploy.bpmn', { type: 'application/xml' })]),
    });
    expect(deployment.deploymentKey).toMatch(/^\d+$/);
    const definition = deployment.processes[0]!;
    expect(definition).toMatchObject({
      processDefinitionId: 'rest-deploy',
      processDefinitionVersion: 1,
      resourceName: 'rest-deploy.bpmn',
    });

    const fetched = await harness.rest.getProcessDefinition(
      loose({ processDefinitionKey: definition.processDefinitionKey }),
      noWait,
    );
    expect(fetched).toMatchObject({ processDefinitionId: 'rest-deploy', version: 1 });
    const served = await fetch(
      `${harness.restAddress}/v2/process-definitions/${definition.processDefinitionKey}/xml`,
    );
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('id="rest-deploy"');
    const search = await harness.rest.searchProcessDefinitions(
      loose({ filter: { processDefinitionId: 'rest-deploy' } }),
      noWait,
    );
    expect(search.items?.map((item) => item.processDefinitionKey)).toEqual([definition.processDefinitionKey]);
  });

  it('refuses invalid BPMN with 400 naming the element', async () => {
    const broken = processXml('rest-broken', [
      startEvent('start'),
      element('bpmn:serviceTask', { id: 'noType' }),
      flow('start', 'noType'),
    ]);
    const form = new FormData();
    form.append('resources', new Blob([broken]), 'broken.bpmn');
    const response = await fetch(`${harness.restAddress}/v2/deployments`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('noType');
  });

  it('creates, reads, searches and cancels process instances', async () => {
    await harness.zeebe.deployResource({
      name: 'rest-pi.bpmn',
      process: Buffer.from(oneTaskProcess('rest-pi', 'rest-pi')),
    });
    const created = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'rest-pi', variables: { x: 1 } }),
    );
    expect(created).toMatchObject({ processDefinitionId: 'rest-pi', processDefinitionVersion: 1 });
    const instance = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: created.processInstanceKey }),
      noWait,
    );
    expect(instance).toMatchObject({ state: 'ACTIVE', processDefinitionId: 'rest-pi', hasIncident: false });
    expect(Date.parse(instance.startDate)).not.toBeNaN();
    const active = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'rest-pi', state: 'ACTIVE' } }),
      noWait,
    );
    expect(active.items.map((item) => item.processInstanceKey)).toEqual([created.processInstanceKey]);
    const elements = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey: created.processInstanceKey, type: 'SERVICE_TASK' } }),
      noWait,
    );
    expect(elements.items?.[0]).toMatchObject({ elementId: 'task', state: 'ACTIVE' });
    const element = await harness.rest.getElementInstance(
      loose({ elementInstanceKey: elements.items?.[0]?.elementInstanceKey }),
      noWait,
    );
    expect(element).toMatchObject({ elementId: 'task', type: 'SERVICE_TASK' });
    const variables = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey: created.processInstanceKey } }),
      noWait,
    );
    const x = await harness.rest.getVariable(loose({ variableKey: variables.items[0]?.variableKey }), noWait);
    expect(x).toMatchObject({ name: 'x', value: '1' });

    await harness.rest.cancelProcessInstance(loose({ processInstanceKey: created.processInstanceKey }));
    await eventually(async () => {
      const cancelled = await harness.rest.getProcessInstance(
        loose({ processInstanceKey: created.processInstanceKey }),
        noWait,
      );
      expect(cancelled.state).toBe('TERMINATED');
    });
  });

  it('awaits completion when asked', async () => {
    await harness.zeebe.deployResource({
      name: 'rest-await.bpmn',
      process: Buffer.from(
        processXml('rest-await', [startEvent('start'), endEvent('end'), flow('start', 'end')]),
      ),
    });
    const result = await harness.rest.createProcessInstance(
      loose({
        processDefinitionId: 'rest-await',
        variables: { answer: 42 },
        awaitCompletion: true,
        requestTimeout: 5_000,
      }),
    );
    expect(result.variables).toMatchObject({ answer: 42 });
  });

  it('answers 404 problem details for unknown keys and routes', async () => {
    for (const path of [
      '/v2/process-instances/2251799813999999',
      '/v2/process-definitions/2251799813999999',
      '/v2/no-such-thing',
    ]) {
      const response = await fetch(`${harness.restAddress}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, title: 'NOT_FOUND', instance: path });
    }
    const resolve = await post('/v2/incidents/2251799813999999/resolution', '{}');
    expect(resolve.status).toBe(404);
  });

  it('answers 400 for malformed JSON, wrong types, unknown fields and non-object variables', async () => {
    expect((await post('/v2/process-instances', '{"processDefinitionId":')).status).toBe(400);
    expect((await post('/v2/process-instances', JSON.stringify({ processDefinitionId: 7 }))).status).toBe(
      400,
    );
    expect(
      (await post('/v2/process-instances', JSON.stringify({ processDefinitionId: 'x', colour: 'red' })))
        .status,
    ).toBe(400);
    const badVariables = await post(
      '/v2/process-instances',
      JSON.stringify({ processDefinitionId: 'rest-pi', variables: [1] }),
    );
    expect(badVariables.status).toBe(400);
    expect(await badVariables.json()).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
  });

  it('refuses bodies over 4 MB with 413', async () => {
    const response = await post(
      '/v2/messages/publication',
      JSON.stringify({ name: 'big', variables: { blob: 'x'.repeat(4_300_000) } }),
    );
    expect(response.status).toBe(413);
  });
});
