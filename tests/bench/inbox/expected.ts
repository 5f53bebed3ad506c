import type { UnitRef } from '../../../src/app/organisation/index.js';
import { taskVariables } from './task-seed.js';

/** What the seed put into each unit, so the bench can check the inbox's counts exactly rather than "non-zero". */
export interface SeededTasks {
  total: number;
  units: UnitRef[];
  /** The seed's clock; due dates are days away from it, so overdue/soon stay stable for the bench's run. */
  now: number;
}

/** Tasks of the unit at `unitIndex`: the seed hands out positions round-robin over the units. */
export function tasksOfUnit(seed: SeededTasks, unitIndex: number): number {
  const units = seed.units.length;
  return Math.floor(seed.total / units) + (unitIndex < seed.total % units ? 1 : 0);
}

export type Due = 'any' | 'soon' | 'overdue';
export type Priority = 'any' | 'high' | 'medium' | 'low';

/** How many of a unit's seeded tasks pass the inbox's due and priority filters (its rules in inbox-query.ts). */
export function expectedMatches(
  seed: SeededTasks,
  unitIndex: number,
  due: Due,
  priority: Priority,
  at: number,
): number {
  const unit = seed.units[unitIndex]!;
  let matches = 0;
  for (let index = 0; index < tasksOfUnit(seed, unitIndex); index += 1) {
    const variables = taskVariables(unit, index, seed.now);
    const level =
      (variables.priority as number) >= 75 ? 'high' : (variables.priority as number) >= 25 ? 'medium' : 'low';
    if (priority !== 'any' && level !== priority) continue;
    const dueMs = Date.parse(variables.reportDueDate as string);
    if (due === 'overdue' && !(dueMs < at)) continue;
    if (due === 'soon' && !(dueMs >= at && dueMs < at + 7 * 86_400_000)) continue;
    matches += 1;
  }
  return matches;
}
