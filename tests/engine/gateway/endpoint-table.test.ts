import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointRows } from '../../../scripts/endpoint-table.js';
import { oneTaskProcess, useTestEngine } from '../../support/harness/index.js';
import { rawGatewayClient } from './support/raw-grpc.js';

const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z' });

/** The RPCs of the gateway.proto the official client ships. */
function gatewayRpcs(): string[] {
  const require = createRequire(import.meta.url);
  const proto = path.join(
    path.dirname(require.resolve('@camunda8/sdk/package.json')),
    'dist/proto/zeebe.proto',
  );
  return [...readFileSync(proto, 'utf8').matchAll(/^\s*rpc (\w+) \(/gm)].map((match) => match[1]!);
}

describe("Camunda's API surface", () => {
  it('serves or refuses every REST v2 operation of the spec', () => {
    const rows = endpointRows();
    expect(rows.length).toBeGreaterThan(140);
    expect(
      rows.filter((row) => !row.served && !row.refusal).map((row) => `${row.method} ${row.path}`),
    ).toEqual([]);
  });

  it('answers every refused REST operation with 501 and a problem detail naming why', async () => {
    const refused = endpointRows().filter((row) => !row.served);
    expect(refused.length).toBeGreaterThan(0);
    for (const row of refused) {
      const url = `${harness.restAddress}/v2${row.path.replace(/\{\w+\}/g, '2251799813685249')}`;
      const response = await fetch(url, {
        method: row.method,
        headers: { 'content-type': 'application/json' },
        ...(row.method === 'GET' || row.method === 'DELETE' ? {} : { body: '{}' }),
      });
      expect(`${row.method} ${row.path}: ${response.status}`).toBe(`${row.method} ${row.path}: 501`);
      const problem = (await response.json()) as { title: string; detail: string };
      expect(problem.title).toBe('NOT_IMPLEMENTED');
      expect(problem.detail).toContain(row.refusal);
    }
  });

  it('still answers 404 for a path that is not Camunda’s', async () => {
    const response = await fetch(`${harness.restAddress}/v2/no-such-thing`);
    expect(response.status).toBe(404);
  });

  it('serves every gRPC method of gateway.proto; one not served answers UNIMPLEMENTED naming it', async () => {
    const raw = rawGatewayClient(harness.grpcAddress);
    try {
      const unimplemented: string[] = [];
      for (const rpc of gatewayRpcs()) {
        if (rpc === 'ActivateJobs' || rpc === 'StreamActivatedJobs') continue; // server streams: tested elsewhere
        const outcome = await raw.call(rpc, {}).then(
          () => ({ code: 0, details: '' }),
          (error: { code: number; details: string }) => error,
        );
        if (outcome.code === 12) {
          expect(outcome.details).toContain(rpc);
          unimplemented.push(rpc);
        }
      }
      expect(unimplemented).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('deploys through the deprecated DeployProcess', async () => {
    const raw = rawGatewayClient(harness.grpcAddress);
    try {
      const response = (await raw.call('DeployProcess', {
        processes: [
          { name: 'legacy.bpmn', definition: Buffer.from(oneTaskProcess('legacy', 'legacy-work')) },
        ],
      })) as { key: string; processes: { bpmnProcessId: string; version: number }[] };
      expect(response.key).toMatch(/^\d+$/);
      expect(response.processes).toMatchObject([{ bpmnProcessId: 'legacy', version: 1 }]);
    } finally {
      raw.close();
    }
  });
});
