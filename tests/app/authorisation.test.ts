import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC } from '../../src/app/http/permissions.js';
import { auditRoutes, listRoutes } from '../../src/app/http/route-audit.js';
import { defineRoute } from '../../src/app/http/route.types.js';
import { startTestApp, type TestApp } from '../support/harness/index.js';

/** The only routes a stranger may reach. Adding to this list is a security decision: review it. */
const ALLOWED_PUBLIC = ['GET /healthz', 'GET /readyz', 'POST /api/auth/sign-in'];

let h: TestApp;

beforeAll(async () => {
  h = await startTestApp();
  await h.user('canbo', [{ unitCode: 'ban-tuyen-giao', roles: ['staff'] }]);
  await h.user('giamsat', [{ unitCode: 'van-phong', roles: ['supervisor'] }]);
});
afterAll(async () => h?.close());

describe('one authorisation mechanism for every route', () => {
  it("every route in express's own router went through mountRoutes with a permission", () => {
    const routes = listRoutes(h.module.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(auditRoutes(h.module.app, ALLOWED_PUBLIC)).toEqual([]);
    const publicRoutes = routes
      .filter((route) => route.definition?.permission.kind === 'public')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(publicRoutes.sort()).toEqual([...ALLOWED_PUBLIC].sort());
  });

  it('every state-changing administration route writes to the audit trail', () => {
    const unaudited = listRoutes(h.module.app)
      .filter((route) => route.path.startsWith('/api/admin') && route.method !== 'get')
      .filter((route) => !route.definition?.audit)
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(unaudited).toEqual([]);
  });

  it('flags a route registered around the mechanism', async () => {
    const local = await startTestApp();
    try {
      local.module.app.get('/api/sneaky', (_req, res) => {
        res.json({ secret: true });
      });
      expect(auditRoutes(local.module.app, ALLOWED_PUBLIC)).toEqual([
        expect.stringContaining('GET /api/sneaky'),
      ]);
    } finally {
      await local.close();
    }
  });

  it('flags middleware mounted around the mechanism', async () => {
    const local = await startTestApp();
    try {
      local.module.app.use('/api/backdoor', function backdoor(_req, res) {
        res.json({ open: true });
      });
      expect(auditRoutes(local.module.app, ALLOWED_PUBLIC)).toEqual([expect.stringContaining('backdoor')]);
    } finally {
      await local.close();
    }
  });

  it('flags a route that adds a second handler beside the guard', async () => {
    const local = await startTestApp();
    try {
      const route = listRoutes(local.module.app).find(
        (r) => r.path === '/api/admin/units' && r.method === 'get',
      );
      expect(route?.definition).toBeDefined();
      local.module.app.post('/api/admin/units', (_req, res) => {
        res.json({ bypass: true });
      });
      expect(auditRoutes(local.module.app, ALLOWED_PUBLIC)).toEqual([
        expect.stringContaining('POST /api/admin/units'),
      ]);
    } finally {
      await local.close();
    }
  });

  it('flags a public route outside the allowed list', async () => {
    const local = await startTestApp({}, [
      defineRoute({
        method: 'get',
        path: '/api/open',
        permission: PUBLIC,
        summary: 'test',
        handler: () => undefined,
      }),
    ]);
    try {
      expect(auditRoutes(local.module.app, ALLOWED_PUBLIC)).toEqual([
        expect.stringContaining('GET /api/open'),
      ]);
    } finally {
      await local.close();
    }
  });

  it('every non-public route answers 401 to a stranger, as problem+json in Vietnamese', async () => {
    const stranger = h.client();
    let checked = 0;
    for (const route of listRoutes(h.module.app)) {
      if (route.definition?.permission.kind === 'public') continue;
      const path = route.path.replace(/:(\w+)/g, 'x');
      const response = await stranger.request(
        route.method.toUpperCase(),
        path,
        route.method === 'get' ? undefined : {},
      );
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.detail).toBe('Bạn cần đăng nhập để thực hiện thao tác này.');
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('keeps 401 and 403 apart: a signed-in staff member gets 403 from the admin API', async () => {
    const staff = h.client();
    await staff.signIn('canbo');
    const list = await staff.get('/api/admin/units');
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({ code: 'forbidden', title: 'Không có quyền' });
    const create = await staff.post('/api/admin/units', { code: 'ban-x', name: 'Ban X', kind: 'ban' });
    expect(create.status).toBe(403);
    expect(await h.connection.collection('units').countDocuments({ code: 'ban-x' })).toBe(0);
  });

  it('lets a supervisor read but not change', async () => {
    const supervisor = h.client();
    await supervisor.signIn('giamsat');
    expect((await supervisor.get('/api/admin/users')).status).toBe(200);
    expect((await supervisor.post('/api/admin/units/ban-tuyen-giao/deactivate')).status).toBe(403);
  });
});
