import type { EngineTask } from './task-engine.port.js';
import type { TaskTaker } from './task-access.js';

/**
 * Which comments and history of a process instance a viewer of one of its tasks may see. One reporting period is one
 * instance holding every unit's tasks, so the instance is not the boundary: a unit's tasks form a *chain* (the tasks
 * run for that unit: its drafting, its head's approval, the Bloc's review of it), named by the unit's group. A
 * member of a Bloc body (Ban Tuyên giáo, Văn phòng, …) that may see the task sees the whole instance; anyone else
 * sees the task's chain only.
 */
export interface TaskScope {
  /** The chain of the task: the unit's group (`co-so:so-tai-chinh`), or '' for a task of the Bloc's bodies. */
  chain: string;
  /** The viewer sees every chain of the instance. */
  whole: boolean;
}

/** Groups of units (base organisations, mass organisations); every other group is one of the Bloc's bodies. */
const UNIT_GROUP = /^(co-so|doan-the):/;

export const isUnitGroup = (group: string): boolean => UNIT_GROUP.test(group);

const unitGroupOf = (variables: Record<string, unknown>): string | undefined => {
  const unit = variables.unit;
  if (typeof unit !== 'object' || unit === null) return undefined;
  const group = (unit as Record<string, unknown>).group;
  return typeof group === 'string' && group ? group : undefined;
};

/** The chain of a task, from the `unit` in its scope or else from a unit's candidate group (a follow-up task). */
export function chainOf(task: EngineTask, variables: Record<string, unknown>): string {
  const fromUnit = unitGroupOf(variables);
  if (fromUnit) return fromUnit;
  const unitGroup = task.candidateGroups.find(isUnitGroup);
  return unitGroup ? unitGroup.replace(/:lanh-dao$/, '') : '';
}

export function scopeOf(task: EngineTask, variables: Record<string, unknown>, taker: TaskTaker): TaskScope {
  const whole = task.candidateGroups.some((group) => !isUnitGroup(group) && taker.groups.includes(group));
  return { chain: chainOf(task, variables), whole };
}

/** The store filter of what the scope shows, within one process instance. */
export function scopeFilter(processInstanceKey: string, scope: TaskScope): Record<string, unknown> {
  return scope.whole ? { processInstanceKey } : { processInstanceKey, chain: scope.chain };
}
