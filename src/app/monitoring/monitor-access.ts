import type { Principal } from '../http/route.types.js';
import { holdsRole } from '../http/permissions.js';

/**
 * Who watches which process in the cockpit. Supervisors watch every process; each Bloc body watches the processes
 * the regulation makes it own: Ban Tuyên giáo the reporting and the review (Art. 10.2, 11.3, 11.4), Thường trực and
 * Văn phòng the quarterly briefing (Art. 4.2), Ban Tổ chức the personnel opinions (Art. 4.2, 6), Thường trực and
 * Văn phòng (which issues the directions) the urgent reports of the base organisations (Art. 10.3), Ban Tuyên giáo
 * the "Dân vận khéo" models, as standing body of the movement's steering board (Art. 5), Ủy ban Kiểm tra and
 * Thường trực the complaints and petitions the base organisations receive (Art. 6, 4.3).
 */
const OWNED: Record<string, readonly string[]> = {
  'ban-tuyen-giao': ['bao-cao-dan-van', 'danh-gia-khen-thuong', 'dan-van-kheo'],
  'thuong-truc': ['giao-ban-quy', 'bao-cao-dot-xuat', 'don-thu-kien-nghi'],
  'van-phong': ['giao-ban-quy', 'bao-cao-dot-xuat'],
  'ban-to-chuc': ['y-kien-nhan-su'],
  ubkt: ['don-thu-kien-nghi'],
};

/** The personnel process, whose data only the bodies named in processes/README.md (and the submitter) may read. */
export const PERSONNEL_PROCESS = 'y-kien-nhan-su';
const PERSONNEL_READERS = new Set(['ban-to-chuc', 'ubkt', 'thuong-truc', 'btv', 'van-phong']);
/** Complaints name their senders: only the bodies Art. 6 and 4.3 name (and the receiving unit) read them. */
export const COMPLAINT_PROCESS = 'don-thu-kien-nghi';
const READERS: Record<string, ReadonlySet<string>> = {
  [PERSONNEL_PROCESS]: PERSONNEL_READERS,
  [COMPLAINT_PROCESS]: new Set(['ubkt', 'thuong-truc', 'btv']),
};

/** Whether an instance's data is read only by named bodies and the unit it belongs to (`unit`). */
export function isRestricted(processId: string | undefined): boolean {
  return processId !== undefined && processId in READERS;
}

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
export function readsPersonnelData(
  watcher: Watcher,
  submittingUnit: string | undefined,
  processId: string = PERSONNEL_PROCESS,
): boolean {
  const readers = READERS[processId] ?? PERSONNEL_READERS;
  for (const code of watcher.unitCodes)
    if (readers.has(code) || (submittingUnit !== undefined && code === submittingUnit)) return true;
  return false;
}
