import { holdsRole } from '../http/permissions.js';
import type { Principal } from '../http/route.types.js';
import type { DocumentHeader } from './records.store.js';

/** Who is asking, as the document rule needs it. */
export interface DocumentViewer {
  supervisor: boolean;
  /** The user's candidate groups (OrganisationDirectory.candidateGroupsOfUser). */
  groups: readonly string[];
}

export function viewerOf(principal: Principal, groups: readonly string[]): DocumentViewer {
  return { supervisor: holdsRole(principal, 'supervisor'), groups };
}

/** A Bloc body's group is its bare code (`ban-tuyen-giao`); a unit's is `kind:code` (`co-so:so-tai-chinh`). */
const isBlocBody = (group: string) => !group.includes(':');
const unitCodeOf = (group: string) => group.split(':')[1] ?? '';

/**
 * Who may see a generated document (list and download alike):
 * - a restricted one (personnel: audienceGroups) only its audience, as before;
 * - the Bloc's bodies and supervisors every other one;
 * - a unit's staff only those that concern their unit (the units in its meta). A document kept before its units
 *   were recorded concerns none, so it stays with the Bloc's bodies.
 */
export function documentVisibleTo(
  document: Pick<DocumentHeader, 'audienceGroups' | 'meta'>,
  viewer: DocumentViewer,
) {
  if (document.audienceGroups) return document.audienceGroups.some((group) => viewer.groups.includes(group));
  if (viewer.supervisor || viewer.groups.some(isBlocBody)) return true;
  const own = new Set(viewer.groups.filter((g) => !isBlocBody(g)).map(unitCodeOf));
  return (document.meta?.units ?? []).some((unit) => own.has(unit.code));
}
