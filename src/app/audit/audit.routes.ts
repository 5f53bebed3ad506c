import { badRequest, type FieldError } from '../../lib/errors.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { AdminAuditStore, AuditFilter } from './admin-audit.store.js';

const PAGE_SIZE = 50;
const TEXT = /^[\p{L}\p{N}._:@/-]{1,200}$/u;

/** The query's filters, checked: a malformed one is a 400 naming it, never a silent "everything". */
function filterOf(query: Record<string, unknown>): AuditFilter {
  const errors: FieldError[] = [];
  const filter: AuditFilter = {};
  const text = (name: 'actor' | 'action' | 'target' | 'ip'): void => {
    const value = query[name];
    if (value === undefined || value === '') return;
    if (typeof value !== 'string' || !TEXT.test(value))
      errors.push({ field: name, message: 'Giá trị lọc không hợp lệ.' });
    else filter[name] = value;
  };
  const date = (name: 'from' | 'to'): void => {
    const value = query[name];
    if (value === undefined || value === '') return;
    const parsed = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime()))
      errors.push({
        field: name,
        message: 'Cần một ngày giờ ISO 8601, ví dụ 2026-12-01 hoặc 2026-12-01T08:00:00+07:00.',
      });
    else filter[name] = parsed;
  };
  (['actor', 'action', 'target', 'ip'] as const).forEach(text);
  (['from', 'to'] as const).forEach(date);
  if (errors.length > 0) throw badRequest('invalid_filter', 'Bộ lọc nhật ký không hợp lệ.', errors);
  return filter;
}

export function auditRoutes(store: AdminAuditStore): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/audit',
      // Supervisors oversee the administrators' work as much as the processes'.
      permission: anyRole('admin', 'supervisor'),
      summary:
        'The audit trail (administrative changes and access: sign-ins, sign-outs, password changes, downloads, personnel reads), newest first (?page=&actor=&action=&target=&ip=&from=&to=)',
      handler: async ({ req, res }) => {
        const query = req.query as Record<string, unknown>;
        const filter = filterOf(query);
        const page = Number(query.page);
        const chosen = Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
        res.json({ ...(await store.page(chosen, PAGE_SIZE, filter)), page: chosen, pageSize: PAGE_SIZE });
      },
    }),
  ];
}
