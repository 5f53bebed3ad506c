import type { MembershipRecord, UnitKind, UnitRef } from './organisation.types.js';

/** The candidate group of a unit: bodies of the Bloc by their code, others prefixed by their kind. */
export function groupOf(unit: { code: string; kind: UnitKind }): string {
  return unit.kind === 'ban' ? unit.code : `${unit.kind}:${unit.code}`;
}

export function headGroupOf(unit: { code: string; kind: UnitKind }): string {
  return `${groupOf(unit)}:lanh-dao`;
}

export function unitRefOf(unit: { code: string; kind: UnitKind; name: string }): UnitRef {
  return {
    code: unit.code,
    kind: unit.kind,
    name: unit.name,
    group: groupOf(unit),
    headGroup: headGroupOf(unit),
  };
}

/**
 * The candidate groups a user's tasks are matched against. Staff and heads are members of their unit's group; heads
 * also of its `:lanh-dao` group. `admin` and `supervisor` are service-wide powers, not task-taking membership, so they
 * add no group. Memberships in units that are unknown or inactive add nothing, and an inactive user has none.
 */
export function candidateGroupsOf(
  user: { active: boolean; memberships: MembershipRecord[] },
  unitOf: (code: string) => { code: string; kind: UnitKind; active: boolean } | undefined,
): string[] {
  if (!user.active) return [];
  const groups = new Set<string>();
  for (const membership of user.memberships) {
    const unit = unitOf(membership.unitCode);
    if (!unit?.active) continue;
    if (membership.roles.includes('staff') || membership.roles.includes('head')) groups.add(groupOf(unit));
    if (membership.roles.includes('head')) groups.add(headGroupOf(unit));
  }
  return [...groups].sort();
}
