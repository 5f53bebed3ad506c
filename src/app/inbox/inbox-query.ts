import type { DueFilter, InboxQuery, InboxScope, InboxSort, PriorityFilter } from './inbox.types.js';
import type { EngineTask } from './task-engine.port.js';

const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** The list's query string (the same names the browser puts in its address); unknown values fall back to defaults. */
export function parseInboxQuery(query: Record<string, unknown>): InboxQuery {
  const page = Number(query.page);
  return {
    scope: oneOf<InboxScope>(query.scope, ['mine', 'unclaimed', 'all'], 'mine'),
    processId: typeof query.process === 'string' ? query.process.slice(0, 200) : '',
    due: oneOf<DueFilter>(query.due, ['any', 'soon', 'overdue'], 'any'),
    priority: oneOf<PriorityFilter>(query.priority, ['any', 'high', 'medium', 'low'], 'any'),
    sort: oneOf<InboxSort>(query.sort, ['due', 'created', 'priority'], 'due'),
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function priorityLevel(priority: number): Exclude<PriorityFilter, 'any'> {
  if (priority >= 75) return 'high';
  if (priority >= 25) return 'medium';
  return 'low';
}

/** Process, due and priority filters (the scope is applied apart, so counts per scope can be given). */
export function matchesFilters(task: EngineTask, query: InboxQuery, now: Date): boolean {
  if (query.processId && task.processDefinitionId !== query.processId) return false;
  if (query.priority !== 'any' && priorityLevel(task.priority) !== query.priority) return false;
  if (query.due === 'any') return true;
  if (!task.dueDate) return false;
  const due = Date.parse(task.dueDate);
  if (query.due === 'overdue') return due < now.getTime();
  return due >= now.getTime() && due < now.getTime() + 7 * DAY_MS;
}

export function compareTasks(sort: InboxSort): (a: EngineTask, b: EngineTask) => number {
  const time = (value: string | null) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
  if (sort === 'priority') return (a, b) => b.priority - a.priority || time(a.dueDate) - time(b.dueDate);
  if (sort === 'created') return (a, b) => time(b.creationDate) - time(a.creationDate);
  return (a, b) => time(a.dueDate) - time(b.dueDate) || time(a.creationDate) - time(b.creationDate);
}
