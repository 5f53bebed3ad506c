import type { SessionUser } from '../../lib/contracts.js';
import { mayWatchPeriods } from '../periods/status-names.js';

const holds = (user: SessionUser, role: string): boolean =>
  user.memberships.some((membership) => membership.roles.includes(role));

/** An administrator of the service (the `admin` role in any unit): sees the administrators' section. */
export function isAdministrator(user: SessionUser): boolean {
  return holds(user, 'admin');
}

/** A user with staff work: tasks reach only staff and heads of units (the inbox API refuses anyone else). */
export function hasTaskWork(user: SessionUser): boolean {
  return holds(user, 'staff') || holds(user, 'head');
}

/**
 * Where a user lands after signing in: their tasks; without staff work, the administrators' section for an
 * administrator, the period dashboard for a supervisor, else the inbox page, which says why it is empty.
 */
export function homeOf(user: SessionUser): string {
  if (hasTaskWork(user)) return '/inbox';
  if (isAdministrator(user)) return '/admin';
  if (mayWatchPeriods(user)) return '/monitor/periods';
  return '/inbox';
}
