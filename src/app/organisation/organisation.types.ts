export const UNIT_KINDS = ['ban', 'doan-the', 'co-so'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const SECTORS = ['co-quan', 'don-vi-su-nghiep', 'doanh-nghiep'] as const;
export type Sector = (typeof SECTORS)[number];

export const ROLES = ['staff', 'head', 'admin', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export interface UnitRecord {
  code: string;
  name: string;
  kind: UnitKind;
  /** Only for base organisations (co-so). */
  sector?: Sector;
  active: boolean;
  /** Every change of the active flag, oldest first, so "active at a date" can be answered later. */
  history: { at: Date; active: boolean }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface MembershipRecord {
  unitCode: string;
  roles: Role[];
}

export interface UserRecord {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  passwordHash: string;
  memberships: MembershipRecord[];
  active: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil?: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The process variable `unit` (and each element of `units`). */
export interface UnitRef {
  code: string;
  kind: UnitKind;
  name: string;
  group: string;
  headGroup: string;
}
