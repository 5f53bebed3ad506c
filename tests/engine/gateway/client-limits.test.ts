/**
 * Issue 11, point 3: nothing a client sends stops the engine. Deep or large variable documents and deeply nested
 * BPMN are refused at the gateways, naming the limit, before any state changes; the engine keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { rawGatewayClient } from './support/raw-grpc.js';
import {
  IMMEDIATE_READS,
  element,
  processResource,
  processXml,
  startEvent,
  endEvent,
  flow,
  useTestEngine,
  loose,
  noWait,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  {
    clock: '2026-03-01T01:00:00.000Z',
    profile: IMMEDIATE_READS,
    engine: { variableLimits: { maxDepth: 64, maxBytes: 64 * 1024 } },
  },
  async (engine) => {
    await engine.zeebe.deployResources([
      processResource('plain.bpmn', processXml('plain', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    ]);
  },
);

/** `{"a":{"a":…1…}}`, `depth` levels deep: 10 KB at 2,000 levels. */
const nestedText = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

async function instanceCount(): Promise<number> {
  const found = await harness.rest.searchProcessInstances(
    loose({ filter: { processDefinitionId: 'plain' } }),
    noWait,
  );
  return found.page.totalItems;
}

describe('variable limits at the gateways', () => {
  it('refuses a 10 KB, 2,000-deep document over gRPC with INVALID_ARGUMENT naming the limit, and keeps running', async () => {
    const before = await instanceCount();
    const raw = rawGatewayClient(harness.grpcAddress);
    try {
      const text = nestedText(2_000);
      expect(text.length).toBeGreaterThan(10_000);
      const error = (await raw
        .call('CreateProcessInstance', { bpmnProcessId: 'plain', version: -1, variables: text })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        )) as { code?: number; details?: string } | undefined;
      expect(error?.code).toBe(3);
      expect(error?.details).toContain('ENGINE_MAX_VARIABLE_DEPTH');
      expect(error?.details).toContain('64');
    } finally {
      raw.close();
    }
    // Still alive, and nothing was created by the refused call.
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'plain', variables: { ok: true } });
    expect(await instanceCount()).toBe(before + 1);
  });

  it('refuses the same document over REST with a 400 problem naming the limit', async () => {
    const before = await instanceCount();
    const response = await fetch(`${harness.restAddress}/v2/process-instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"processDefinitionId":"plain","variables":${nestedText(2_000)}}`,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { title: string; detail: string };
    expect(problem.title).toBe('INVALID_ARGUMENT');
    expect(problem.detail).toContain('ENGINE_MAX_VARIABLE_DEPTH');
    expect(await instanceCount()).toBe(before);
  });

  it('refuses deep variables wherever a command carries them (SDK: publish message, complete job)', async () => {
    // The SDK types variables as its JSONDoc; plain nested objects are that.
    type Doc = { [key: string]: Doc | number };
    let deep: Doc = { leaf: 1 };
    for (let level = 0; level < 100; level += 1) deep = { deeper: deep };
    await expect(
      harness.zeebe.publishMessage({ name: 'm', correlationKey: 'k', variables: { deep } }),
    ).rejects.toMatchObject({ code: 3 });
    await expect(harness.zeebe.completeJob({ jobKey: '123', variables: { deep } })).rejects.toThrow(
      /ENGINE_MAX_VARIABLE_DEPTH/,
    );
    // A document at the limit passes (63 levels inside the variables object).
    let fine: Doc = { leaf: 1 };
    for (let level = 0; level < 61; level += 1) fine = { deeper: fine };
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'plain', variables: { fine } });
  });

  it('refuses a document above the size limit, naming it', async () => {
    const big = 'x'.repeat(70 * 1024);
    await expect(
      harness.zeebe.createProcessInstance({ bpmnProcessId: 'plain', variables: { big } }),
    ).rejects.toThrow(/ENGINE_MAX_VARIABLES_BYTES/);
    const response = await fetch(`${harness.restAddress}/v2/process-instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'plain', variables: { big } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('ENGINE_MAX_VARIABLES_BYTES');
  });
});

describe('deeply nested BPMN', () => {
  function nestedSubProcesses(depth: number): string {
    let inner = '';
    for (let level = depth; level >= 1; level -= 1)
      inner = element('bpmn:subProcess', { id: `sub${level}` }, inner);
    return processXml('deep', [startEvent('s'), inner]);
  }

  it('refuses a 10,000-deep <subProcess> nesting over gRPC (INVALID_ARGUMENT) and REST (400)', async () => {
    const xml = nestedSubProcesses(10_000);
    await expect(
      harness.zeebe.deployResource({ name: 'deep.bpmn', process: Buffer.from(xml) }),
    ).rejects.toMatchObject({ code: 3, details: expect.stringContaining('nested deeper than 100 levels') });
    const form = new FormData();
    form.append('resources', new Blob([xml], { type: 'application/xml' }), 'deep.bpmn');
    const response = await fetch(`${harness.restAddress}/v2/deployments`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('nested deeper than 100 levels');
    expect((await harness.zeebe.topology()).brokers).toHaveLength(1);
  });
});
