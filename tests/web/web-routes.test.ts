import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppModule, type AppModule } from '../../src/app/app.module.js';
import { auditRoutes } from '../../src/app/http/route-audit.js';
import { startHttpServer, type HttpServerHandle } from '../../src/app/http/http-server.js';
import { WEB_PUBLIC_ROUTES, webRoutes } from '../../src/app/web/web.routes.js';
import { TestClock } from '../../src/lib/clock.js';
import { loadConfig } from '../../src/lib/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/harness/index.js';

let dist: string;
let db: TestDatabase;
let connection: Connection;
let module: AppModule;
let server: HttpServerHandle;

const INDEX =
  '<!doctype html><title>Công tác Dân vận</title><script type="module" src="/assets/index-abc123.js"></script>';

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' });
  db = createTestDatabase('web');
  connection = await mongoose.createConnection(db.uri).asPromise();
  module = createAppModule({
    config,
    logger: createLogger({ level: 'silent' }),
    clock: new TestClock(),
    connection,
    extraRoutes: webRoutes({ distDir: dist }),
  });
  server = await startHttpServer(module.app, { port: 0, shutdownTimeoutMs: 1_000 });
});

afterAll(async () => {
  module?.stop();
  await server?.close();
  await connection?.close();
  await db?.drop();
  await rm(dist, { recursive: true, force: true });
});

describe('serving the built browser app', () => {
  it('serves hashed assets cached for a year, with security headers', async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('console.log');
  });

  it('answers index.html, not cached, for the root and any client-side route', async () => {
    for (const route of ['/', '/inbox', '/tasks/2251799813685249', '/account/password?x=1']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type'), route).toContain('text/html');
      expect(response.headers.get('cache-control'), route).toBe('no-cache');
      expect(response.headers.get('content-security-policy'), route).toContain("script-src 'self'");
      expect(await response.text(), route).toBe(INDEX);
    }
  });

  it('keeps server paths and missing files as 404 problems, never index.html', async () => {
    for (const route of [
      '/api/khong-co',
      '/api',
      '/assets/khong-co.js',
      '/assets/..%2Findex.html',
      '/favicon.ico',
    ]) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status, route).toBe(404);
      expect(response.headers.get('content-type'), route).toContain('application/problem+json');
    }
    // The API's own routes still answer before the catch-all.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(401);
  });

  it('answers 503 with a Vietnamese hint when the app has not been built', async () => {
    const routes = webRoutes({ distDir: path.join(dist, 'khong-co') });
    const local = createAppModule({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' }),
      logger: createLogger({ level: 'silent' }),
      clock: new TestClock(),
      connection,
      extraRoutes: routes,
    });
    const localServer = await startHttpServer(local.app, { port: 0, shutdownTimeoutMs: 1_000 });
    try {
      const response = await fetch(`${localServer.url}/inbox`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { code: string }).code).toBe('web_not_built');
    } finally {
      local.stop();
      await localServer.close();
    }
  });

  it("goes through the app's route guard: the audit accepts its public routes only when they are listed", () => {
    const own = auditRoutes(module.app, ['GET /healthz', 'GET /readyz', 'POST /api/auth/sign-in']);
    expect(
      own.filter((problem) => problem.startsWith('GET /assets') || problem.startsWith('GET /{*')),
    ).toHaveLength(2);
    const listed = auditRoutes(module.app, [
      'GET /healthz',
      'GET /readyz',
      'POST /api/auth/sign-in',
      ...WEB_PUBLIC_ROUTES,
    ]);
    expect(listed).toEqual([]);
  });
});
