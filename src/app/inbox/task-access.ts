import type { EngineTask } from './task-engine.port.js';

/** Who the user is for task decisions: their name and the candidate groups of their units and roles. */
export interface TaskTaker {
  username: string;
  /** The name the history shows; the username when not given. */
  fullName?: string;
  groups: readonly string[];
}

export function isOpenToGroupsOf(task: EngineTask, taker: TaskTaker): boolean {
  return task.candidateGroups.some((group) => taker.groups.includes(group));
}

/** A task is visible to its assignee and to the members of its candidate groups; to nobody else. */
export function canSee(task: EngineTask, taker: TaskTaker): boolean {
  return task.assignee === taker.username || isOpenToGroupsOf(task, taker);
}

export function canClaim(task: EngineTask, taker: TaskTaker): boolean {
  return task.state === 'CREATED' && task.assignee === null && isOpenToGroupsOf(task, taker);
}

export function holds(task: EngineTask, taker: TaskTaker): boolean {
  return task.state === 'CREATED' && task.assignee === taker.username;
}
