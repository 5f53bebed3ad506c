import type {
  AdminAuditItem,
  AdminPage,
  AdminRole,
  AdminSector,
  AdminUnit,
  AdminUnitKind,
  AdminUnitQuery,
  AdminUser,
  AdminUserQuery,
  OrganisationImportRequest,
  OrganisationImportResult,
} from '../../../lib/contracts.js';
import { requestJson } from '../../../lib/http.js';

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  page?: number;
}

/** A query string of the given values, empty ones left out. */
export function searchOf(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const user = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

/** The server's organisation and audit APIs for administrators (src/app/organisation, src/app/audit). */
export const adminOrganisationApi = {
  units: (query: AdminUnitQuery) =>
    requestJson<AdminPage<AdminUnit>>(`/api/admin/units${searchOf({ ...query })}`),
  createUnit: (body: { code: string; name: string; kind: AdminUnitKind; sector?: AdminSector }) =>
    requestJson<AdminUnit>('/api/admin/units', { method: 'POST', body }),
  createUser: (body: {
    username: string;
    fullName: string;
    password: string;
    memberships: { unitCode: string; roles: AdminRole[] }[];
  }) =>
    requestJson<AdminUser>('/api/admin/users', {
      method: 'POST',
      body: { ...body, mustChangePassword: true },
    }),
  setUnitActive: (code: string, active: boolean) =>
    requestJson<AdminUnit>(
      `/api/admin/units/${encodeURIComponent(code)}/${active ? 'reactivate' : 'deactivate'}`,
      { method: 'POST' },
    ),
  users: (query: AdminUserQuery) =>
    requestJson<AdminPage<AdminUser>>(`/api/admin/users${searchOf({ ...query })}`),
  setUserActive: (username: string, active: boolean) =>
    requestJson<AdminUser>(`${user(username)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' }),
  addRole: (username: string, unitCode: string, role: AdminRole) =>
    requestJson<AdminUser>(`${user(username)}/roles`, { method: 'POST', body: { unitCode, role } }),
  removeRole: (username: string, unitCode: string, role: AdminRole) =>
    requestJson<AdminUser>(`${user(username)}/roles/remove`, { method: 'POST', body: { unitCode, role } }),
  setTemporaryPassword: (username: string, temporaryPassword: string) =>
    requestJson<AdminUser>(`${user(username)}/password`, { method: 'POST', body: { temporaryPassword } }),
  importOrganisation: (body: OrganisationImportRequest) =>
    requestJson<OrganisationImportResult>('/api/admin/organisation/import', { method: 'POST', body }),
  interruptedImports: () =>
    requestJson<{ items: { fileName: string; by: string; startedAt: string }[] }>(
      '/api/admin/organisation/imports/interrupted',
    ),
  audit: (query: AuditQuery) =>
    requestJson<AdminPage<AdminAuditItem>>(`/api/admin/audit${searchOf({ ...query })}`),
};

export const IMPORT_TEMPLATE_URL = '/api/admin/organisation/import-template';
