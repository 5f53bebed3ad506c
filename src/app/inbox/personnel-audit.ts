import type { Response } from 'express';
import type { RouteAudit } from '../http/route.types.js';

/** Set by a handler that has just shown personnel data (a `y-kien-nhan-su` task, its variables or comments). */
const PERSONNEL = 'personnelRead';

interface PersonnelRead {
  taskKey: string;
  processInstanceKey: string;
  taskName: string;
}

export function markPersonnelRead(res: Response, read: PersonnelRead): void {
  (res.locals as Record<string, unknown>)[PERSONNEL] = read;
}

const readOf = (res: Response): PersonnelRead | undefined =>
  (res.locals as Record<string, unknown>)[PERSONNEL] as PersonnelRead | undefined;

/** An audit entry (who, when, from where, which task) for each successful read of personnel data, and no other. */
export function personnelReadAudit(action: string): RouteAudit {
  return {
    action,
    when: ({ res }) => readOf(res) !== undefined,
    target: ({ res }) => readOf(res)?.taskKey ?? '',
    detail: ({ res }): Record<string, string> => {
      const read = readOf(res);
      return read ? { processInstanceKey: read.processInstanceKey, task: read.taskName } : {};
    },
  };
}
