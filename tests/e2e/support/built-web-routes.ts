import { PUBLIC } from '../../../src/app/http/permissions.js';
import { defineRoute, type RouteDefinition } from '../../../src/app/http/route.types.js';
import { sendFile } from '../../../src/app/web/send-file.js';
import { webRoutes } from '../../../src/app/web/web.routes.js';

/** The browser app's pages (web/src/app/routes.tsx, plus "/" and "/sign-in", which lead to the inbox). */
const SPA_PAGES = [
  '/',
  '/sign-in',
  '/inbox',
  '/tasks/:taskId',
  '/processes/start',
  '/account/password',
  '/notifications',
  // Period dashboard and documents (issue 15, points 4 and 5).
  '/monitor/periods',
  '/monitor/periods/:id',
  '/monitor/periods/:id/units/:unitCode',
  '/documents',
  // The administrators' studio.
  '/admin/processes',
  '/admin/processes/:processId',
  '/admin/decisions',
  '/admin/settings',
  '/admin/forms',
  '/admin/forms/:formId',
];

/**
 * The SPA built by the test (buildWeb), served ahead of the service's own web routes, which read web/dist: its
 * hashed assets, and index.html for each page of the app. API paths are not matched here and reach the service.
 */
export function builtWebRoutes(distDir: string): RouteDefinition[] {
  const [assets] = webRoutes({ distDir });
  const pages = SPA_PAGES.map((path) =>
    defineRoute({
      method: 'get',
      path,
      permission: PUBLIC,
      summary: `test: the browser app built for this run (${path})`,
      handler: ({ res }) => sendFile(res, 'index.html', { root: distDir, cacheControl: 'no-cache' }),
    }),
  );
  return [...(assets ? [assets] : []), ...pages];
}
