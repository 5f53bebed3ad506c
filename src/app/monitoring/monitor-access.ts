import type { Principal } from '../http/route.types.js';
import { holdsRole } from '../http/permissions.js';

/**
 * Who watches which process in the cockpit. Supervisors watch every process; each Bloc body watches the processes
 * the regulation makes it own: Ban Tuyên giáo the reporting and the review (Art. 10.2, 11.3, 11.4), Thường trực and
 * Văn phòng the quarterly briefing (Art. 4.2), Ban Tổ chức the personnel opinions (Art. 4.2, 6), Thường trực and
 * Văn phòng (which issues the directions) the urgent reports of the base organisations (Art. 10.3), Ban Tuyên giáo
 * the "Dân vận khéo" models, as standing body of the movement's steering board (Art. 5).
 */
const OWNED: Record<string, readonly string[]> = {
  'ban-tuyen-giao': ['bao-cao-dan-van', 'danh-gia-khen-thuong', 'dan-van-kheo'],
  'thuong-truc': ['giao-ban-quy', 'bao-cao-dot-xuat'],
  'van-phong': ['giao-ban-quy', 'bao-cao-dot-xuat'],
  'ban-to-chuc': ['y-kien-nhan-su'],
};

/** The personnel process, whose data only the bodies named in processes/README.md (and the submitter) may read. */
export const PERSONNEL_PROCESS = 'y-kien-nhan-su';
const PERSONNEL_READERS = new Set(['ban-to-chuc', 'ubkt', 'thuong-truc', 'btv', 'van-phong']);

export interface Watcher {
  username: string;
  /** null: every process. */
  processes: ReadonlySet<string> | null;
  /** Processes whose incidents the user may retry and whose instances they may cancel. */
  actsOn: ReadonlySet<string> | null;
  unitCodes: ReadonlySet<string>;
}

const TAKES_PART = ['staff', 'head'];

export function watcherOf(principal: Principal): Watcher {
  const unitCodes = new Set(principal.memberships.map((membership) => membership.unitCode));
  if (holdsRole(principal, 'supervisor'))
    return { username: principal.username, processes: null, actsOn: null, unitCodes };
  const processes = new Set<string>();
  const actsOn = new Set<string>();
  for (const membership of principal.memberships) {
    const owned = OWNED[membership.unitCode] ?? [];
    if (!membership.roles.some((role) => TAKES_PART.includes(role))) continue;
    for (const id of owned) processes.add(id);
    // The head of an owning body answers for its processes: they may retry and cancel; its staff watch.
    if (membership.roles.includes('head')) for (const id of owned) actsOn.add(id);
  }
  return { username: principal.username, processes, actsOn, unitCodes };
}

/** A cockpit user: a supervisor, or a member of a body that owns a process. Everyone else gets 403. */
export function mayWatchAnything(principal: Principal): boolean {
  const watcher = watcherOf(principal);
  return watcher.processes === null || watcher.processes.size > 0;
}

export function watches(watcher: Watcher, processId: string): boolean {
  return watcher.processes === null || watcher.processes.has(processId);
}

export function actsOn(watcher: Watcher, processId: string): boolean {
  return watcher.actsOn === null || watcher.actsOn.has(processId);
}

/**
 * Personnel data (variables of `y-kien-nhan-su`) is read only by members of the bodies the regulation names and of
 * the submitting organisation, whatever their role there (a supervisor of Ủy ban Kiểm tra reads it; a supervisor
 * elsewhere does not).
 */
export function readsPersonnelData(watcher: Watcher, submittingUnit: string | undefined): boolean {
  for (const code of watcher.unitCodes)
    if (PERSONNEL_READERS.has(code) || (submittingUnit !== undefined && code === submittingUnit)) return true;
  return false;
}
