import { AppError } from '../../lib/errors.js';
import { PUBLIC } from './permissions.js';
import type { Readiness } from './readiness.js';
import { defineRoute, type RouteDefinition } from './route.types.js';

export function healthRoutes(readiness: Readiness): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      permission: PUBLIC,
      summary: 'Process is alive',
      handler: ({ res }) => {
        res.json({ status: 'ok' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      permission: PUBLIC,
      summary: 'Database (and later the engine) reachable',
      handler: async ({ res }) => {
        const report = await readiness.report();
        if (report.ready) {
          res.json({ status: 'ok', checks: report.checks });
          return;
        }
        const error = new AppError(
          503,
          'not_ready',
          `Dịch vụ chưa sẵn sàng: ${Object.entries(report.checks)
            .filter(([, status]) => status !== 'ok')
            .map(([name, status]) => `${name} (${status})`)
            .join(', ')}.`,
        );
        res.set('retry-after', '5');
        throw error;
      },
    }),
  ];
}
