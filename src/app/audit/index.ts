// The audit module's public entry: the administrators' audit trail and its read route.
export { AdminAuditStore, type AdminAuditEntry, type AuditFilter } from './admin-audit.store.js';
export { auditRoutes } from './audit.routes.js';
