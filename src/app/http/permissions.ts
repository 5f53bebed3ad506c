import type { Permission, Policy, Principal } from './route.types.js';

export const PUBLIC: Permission = { kind: 'public' };

export function policy(name: string, allows: Policy): Permission {
  return { kind: 'policy', name, allows };
}

/** Any signed-in user (e.g. their own session, their own password). */
export const SIGNED_IN: Permission = policy('signed-in', () => true);

export function holdsRole(principal: Principal, role: string): boolean {
  return principal.memberships.some((membership) => membership.roles.includes(role));
}

/** A role held in any unit; `admin` and `supervisor` are service-wide powers even though they are held per unit. */
export function anyRole(...roles: string[]): Permission {
  return policy(`role:${roles.join('|')}`, (principal) => roles.some((role) => holdsRole(principal, role)));
}
