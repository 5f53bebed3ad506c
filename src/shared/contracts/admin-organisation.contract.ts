/** The administrators' organisation API (src/app/organisation: units, users, import; src/app/audit). Types only. */

export type AdminRole = 'staff' | 'head' | 'admin' | 'supervisor';
export type AdminUnitKind = 'ban' | 'doan-the' | 'co-so';
export type AdminSector = 'co-quan' | 'don-vi-su-nghiep' | 'doanh-nghiep';

/** One page of a list, with the number of all matching items. */
export interface AdminPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminUnit {
  code: string;
  name: string;
  kind: AdminUnitKind;
  sector?: AdminSector;
  active: boolean;
  /** Candidate groups of the unit's staff and of its heads. */
  group: string;
  headGroup: string;
  createdAt: string;
  updatedAt: string;
}

export interface AdminMembership {
  unitCode: string;
  roles: AdminRole[];
}

export interface AdminUser {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  memberships: AdminMembership[];
  active: boolean;
  mustChangePassword: boolean;
  /** False for an account created without a password (an import): an administrator sets a temporary one first. */
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/admin/units?q=&kind=&status=&page=&pageSize=. */
export interface AdminUnitQuery {
  q?: string;
  kind?: AdminUnitKind;
  /** active (the default), inactive or all. */
  status?: 'active' | 'inactive' | 'all';
  page?: number;
  pageSize?: number;
}

/** GET /api/admin/users?q=&unit=&role=&status=&page=&pageSize=. */
export interface AdminUserQuery {
  q?: string;
  unit?: string;
  role?: AdminRole;
  status?: 'active' | 'inactive' | 'all';
  page?: number;
  pageSize?: number;
}

/** POST /api/admin/organisation/import: the spreadsheet, base64; `apply` false only checks it. */
export interface OrganisationImportRequest {
  fileName: string;
  contentBase64: string;
  apply: boolean;
}

export interface OrganisationImportSummary {
  unitsCreated: number;
  unitsRenamed: number;
  unitsUnchanged: number;
  usersCreated: number;
  membershipsAdded: number;
  usersUnchanged: number;
}

/**
 * 200: checked (and, with apply, written). A bad sheet is a 422 problem whose `errors` name each refused cell as
 * `/rows/<row>/<column>` (row 1 is the header) with a Vietnamese message, and nothing is written.
 */
export interface OrganisationImportResult {
  applied: boolean;
  rows: number;
  summary: OrganisationImportSummary;
}

export interface AdminAuditItem {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, string>;
  requestId: string;
  ip: string;
}
