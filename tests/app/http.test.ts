import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness/index.js';

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp({ BODY_LIMIT: '2kb' });
  await h.user('quantri', [{ unitCode: 'van-phong', roles: ['admin'] }]);
});
afterAll(async () => h?.close());

async function unitCount(): Promise<number> {
  return h.connection.collection('units').countDocuments();
}

describe('HTTP foundation', () => {
  it('answers /healthz and /readyz, with security headers and a request id', async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(health.headers.get('x-powered-by')).toBeNull();
    const ready = await fetch(`${h.url}/readyz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('abc-123');
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('/readyz answers 503 problem+json when a readiness check fails', async () => {
    const local = await startTestApp();
    try {
      local.module.readiness.add({
        name: 'engine',
        check: () => Promise.reject(new Error('không kết nối được')),
      });
      const response = await fetch(`${local.url}/readyz`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as { code: string; detail: string };
      expect(body.code).toBe('not_ready');
      expect(body.detail).toContain('engine');
    } finally {
      await local.close();
    }
  });

  it('/readyz reports not ready once shutdown has begun', async () => {
    const local = await startTestApp();
    try {
      local.module.readiness.markStopping();
      const response = await fetch(`${local.url}/readyz`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toContain('đang dừng dịch vụ');
    } finally {
      await local.close();
    }
  });

  it('answers unknown routes with a 404 problem+json in Vietnamese', async () => {
    const response = await fetch(`${h.url}/api/khong-co`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Không tìm thấy',
      instance: '/api/khong-co',
    });
  });

  it('rejects malformed JSON with 400 problem+json and writes nothing', async () => {
    const client = h.client();
    await client.signIn('quantri');
    const before = await unitCount();
    const response = await client.post('/api/admin/units', '{"code": "x-y", "name": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    // A string body is sent without a JSON content type by the client helper; send one explicitly too.
    const explicit = await client.request('POST', '/api/admin/units', '{"code": "x-y", "name": ', {
      'content-type': 'application/json',
    });
    expect(explicit.status).toBe(400);
    expect(explicit.body.code).toBe('malformed_json');
    expect(explicit.body.detail).toBe('Nội dung gửi lên không phải JSON hợp lệ.');
    expect(JSON.stringify(explicit.body)).not.toMatch(/at .*\.(js|ts)/);
    expect(await unitCount()).toBe(before);
  });

  it('rejects unknown fields with 400 naming the field, and writes nothing', async () => {
    const client = h.client();
    await client.signIn('quantri');
    const before = await unitCount();
    const response = await client.post('/api/admin/units', {
      code: 'so-moi',
      name: 'Đảng bộ Sở Mới',
      kind: 'co-so',
      sector: 'co-quan',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors).toContainEqual({
      field: '/isAdmin',
      message: 'Trường "isAdmin" không được phép.',
    });
    expect(await unitCount()).toBe(before);
  });

  it('rejects an oversize body with 413 problem+json and writes nothing', async () => {
    const client = h.client();
    await client.signIn('quantri');
    const before = await unitCount();
    const response = await client.post('/api/admin/units', {
      code: 'so-lon',
      name: 'Đ'.repeat(5_000),
      kind: 'ban',
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('payload_too_large');
    expect(await unitCount()).toBe(before);
  });

  it('answers a bug with a bare 500 problem+json without details', async () => {
    const { defineRoute } = await import('../../src/app/http/route.types.js');
    const { PUBLIC } = await import('../../src/app/http/permissions.js');
    const buggy = await startTestApp({}, [
      defineRoute({
        method: 'get',
        path: '/healthz/bug',
        permission: PUBLIC,
        summary: 'test',
        handler: () => {
          throw new TypeError('secret internal detail');
        },
      }),
    ]);
    try {
      const response = await fetch(`${buggy.url}/healthz/bug`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('secret internal detail');
      expect(text).not.toContain('TypeError');
      expect(JSON.parse(text)).toMatchObject({ code: 'internal_error', status: 500 });
    } finally {
      await buggy.close();
    }
  });
});
