import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { AdminAuditStore } from './admin-audit.store.js';

const PAGE_SIZE = 50;

export function auditRoutes(store: AdminAuditStore): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/audit',
      // Supervisors oversee the administrators' work as much as the processes'.
      permission: anyRole('admin', 'supervisor'),
      summary: "The administrators' changes to units, users and roles, newest first (?page=)",
      handler: async ({ req, res }) => {
        const page = Number(req.query.page);
        const chosen = Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
        res.json({ ...(await store.page(chosen, PAGE_SIZE)), page: chosen, pageSize: PAGE_SIZE });
      },
    }),
  ];
}
