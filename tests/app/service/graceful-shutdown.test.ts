import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLIC } from '../../../src/app/http/permissions.js';
import { auditRoutes, listRoutes } from '../../../src/app/http/route-audit.js';
import { defineRoute } from '../../../src/app/http/route.types.js';
import { WEB_PUBLIC_ROUTES } from '../../../src/app/web/web.routes.js';
import { loadConfig } from '../../../src/lib/config.js';
import { startService } from '../../../src/main.js';
import { createTestDatabase } from '../../support/harness/index.js';

const db = createTestDatabase('svc');
afterAll(async () => db.drop());

function get(port: number, path: string, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('the service', () => {
  it('finishes an in-flight request on shutdown, refuses new connections, and closes the database', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const slow = defineRoute({
      method: 'get',
      path: '/healthz/slow',
      permission: PUBLIC,
      summary: 'test: a slow request',
      handler: async ({ res }) => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        res.json({ finished: true });
      },
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      MONGODB_URI: db.uri,
      SEED_DEMO: 'false',
    });
    const service = await startService(config, { extraRoutes: [slow] });
    const keepAlive = new http.Agent({ keepAlive: true });
    expect((await get(service.port, '/readyz', keepAlive)).status).toBe(200); // leaves an idle keep-alive socket

    const inFlight = get(service.port, '/healthz/slow');
    await inHandler;
    let closed = false;
    const closing = service.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    await expect(get(service.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ finished: true });
    await closing;
    expect(closed).toBe(true);
    expect(service.connection.readyState).toBe(0); // disconnected
    keepAlive.destroy();
  });

  it('composes only guarded routes; the public ones are exactly the reviewed list', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      MONGODB_URI: db.uri,
      SEED_DEMO: 'false',
    });
    const service = await startService(config);
    try {
      const allowed = ['GET /healthz', 'GET /readyz', 'POST /api/auth/sign-in', ...WEB_PUBLIC_ROUTES];
      expect(auditRoutes(service.app, allowed)).toEqual([]);
      const publicRoutes = listRoutes(service.app)
        .filter((route) => route.definition?.permission.kind === 'public')
        .map((route) => `${route.method.toUpperCase()} ${route.path}`);
      expect(publicRoutes.sort()).toEqual([...allowed].sort());
      const api = await fetch(`${service.url}/api/khong-co`);
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await service.close();
    }
  });

  it('exits with a clear message naming the bad variable when the configuration is wrong', async () => {
    const run = promisify(execFile);
    const failure = (await run('npx', ['tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'http', LOG_LEVEL: 'verbose', MONGODB_URI: db.uri },
    }).catch((error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('Cấu hình không hợp lệ');
    expect(failure.stderr).toContain('PORT="http"');
    expect(failure.stderr).toContain('LOG_LEVEL="verbose"');
    expect(failure.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('npm start: serves, then on SIGTERM finishes and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        ENGINE_GRPC_PORT: '0',
        ENGINE_REST_PORT: '0',
        MONGODB_URI: db.uri,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`exited before listening: ${out}`)));
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
