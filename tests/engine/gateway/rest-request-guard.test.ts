/**
 * Issue 11, point 8: a web page in a browser on the same machine cannot drive the engine's REST port. Cross-site
 * requests, foreign Host names and bodies a page can send without a CORS preflight are refused before any route.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  endEvent,
  flow,
  processResource,
  processXml,
  serviceTask,
  startEvent,
  useTestEngine,
  loose,
  noWait,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (engine) => {
    await engine.zeebe.deployResources([
      processResource(
        'guarded.bpmn',
        processXml('guarded', [
          startEvent('s'),
          serviceTask('t', 'never'),
          endEvent('e'),
          flow('s', 't'),
          flow('t', 'e'),
        ]),
      ),
    ]);
  },
);

/** A raw request, so that the Host header is ours to choose (fetch does not let a caller set it). */
function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(harness.restAddress);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function newInstance(): Promise<string> {
  const created = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'guarded', variables: {} });
  return created.processInstanceKey;
}

describe('REST request guard', () => {
  it('answers a cross-site text/plain cancellation 403 and leaves the instance running', async () => {
    const key = await newInstance();
    const answer = await request(`/v2/process-instances/${key}/cancellation`, {
      headers: {
        'content-type': 'text/plain',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: '{}',
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 403, title: 'FORBIDDEN' });
    const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey: key }), noWait);
    expect(instance.state).toBe('ACTIVE');
  });

  it('answers 403 to a foreign Origin alone and to a same-site fetch', async () => {
    const key = await newInstance();
    const path = `/v2/process-instances/${key}/cancellation`;
    const json = { 'content-type': 'application/json' };
    expect(
      (await request(path, { headers: { ...json, origin: 'http://localhost:5173' }, body: '{}' })).status,
    ).toBe(403);
    expect(
      (await request(path, { headers: { ...json, 'sec-fetch-site': 'same-site' }, body: '{}' })).status,
    ).toBe(403);
  });

  it('answers 415 to a body that is neither application/json nor multipart/form-data', async () => {
    const key = await newInstance();
    const path = `/v2/process-instances/${key}/cancellation`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await request(path, { headers: { 'content-type': type }, body: '{}' });
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body)).toMatchObject({ title: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(
      (await request(path, { headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(204);
  });

  it('answers 403 to a Host that is not configured (DNS rebinding)', async () => {
    const answer = await request('/v2/topology', {
      method: 'GET',
      headers: { host: 'attacker.example:8080' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('attacker.example');
    const local = await request('/v2/topology', { method: 'GET', headers: { host: 'localhost' } });
    expect(local.status).toBe(200);
  });

  it('lets the official client through, same-origin requests included', async () => {
    const key = await newInstance();
    await harness.rest.cancelProcessInstance(loose({ processInstanceKey: key }));
    const url = new URL(harness.restAddress);
    const sameOrigin = await request('/v2/topology', {
      method: 'GET',
      headers: { origin: `http://${url.host}` },
    });
    expect(sameOrigin.status).toBe(200);
  });
});
