import type { SessionUser } from '../../lib/contracts.js';

/** Bodies that own a process (src/app/monitoring/monitor-access.ts decides; this only shows the menu entry). */
const OWNING_BODIES = new Set(['ban-tuyen-giao', 'thuong-truc', 'van-phong', 'ban-to-chuc']);

export function mayMonitor(user: SessionUser): boolean {
  return user.memberships.some(
    (membership) =>
      membership.roles.includes('supervisor') ||
      (OWNING_BODIES.has(membership.unitCode) &&
        (membership.roles.includes('staff') || membership.roles.includes('head'))),
  );
}
