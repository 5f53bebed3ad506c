import type {
  DueFilter,
  InboxQuery,
  InboxScope,
  InboxSort,
  PriorityFilter,
} from '../../shared/contracts/index.js';
import type { IntegerFilterProperty } from '@camunda8/orchestration-cluster-api';
import type { EngineTask, TaskSearch } from './task-engine.port.js';

const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/**
 * The list's query string (the same names the browser puts in its address); unknown values fall back to defaults.
 * The scope defaults to 'all', as in the browser (web/src/features/inbox/inbox-query.ts), which leaves it out then.
 */
export function parseInboxQuery(query: Record<string, unknown>): InboxQuery {
  const page = Number(query.page);
  return {
    scope: oneOf<InboxScope>(query.scope, ['mine', 'unclaimed', 'all'], 'all'),
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

const PRIORITY_RANGES: Record<Exclude<PriorityFilter, 'any'>, IntegerFilterProperty> = {
  high: { $gte: 75 },
  medium: { $gte: 25, $lt: 75 },
  low: { $lt: 25 },
};

/** Process, due and priority filters as the engine's search takes them (the scope is added per count). */
export function engineFilterOf(query: InboxQuery, now: Date): TaskSearch['filter'] {
  const filter: TaskSearch['filter'] = {};
  if (query.processId) filter.processDefinitionId = query.processId;
  if (query.priority !== 'any') filter.priority = PRIORITY_RANGES[query.priority];
  const today = now.toISOString();
  if (query.due === 'overdue') filter.dueDate = { $lt: today };
  if (query.due === 'soon')
    filter.dueDate = { $gte: today, $lt: new Date(now.getTime() + 7 * DAY_MS).toISOString() };
  return filter;
}

/** The engine's sort for each of the inbox's orders; compareTasks orders the same way. */
export function engineSortOf(sort: InboxSort): TaskSearch['sort'] {
  if (sort === 'priority')
    return [
      { field: 'priority', order: 'DESC' },
      { field: 'dueDate', order: 'ASC' },
    ];
  if (sort === 'created') return [{ field: 'creationDate', order: 'DESC' }];
  return [
    { field: 'dueDate', order: 'ASC' },
    { field: 'creationDate', order: 'ASC' },
  ];
}

export function compareTasks(sort: InboxSort): (a: EngineTask, b: EngineTask) => number {
  const time = (value: string | null) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
  if (sort === 'priority') return (a, b) => b.priority - a.priority || time(a.dueDate) - time(b.dueDate);
  if (sort === 'created') return (a, b) => time(b.creationDate) - time(a.creationDate);
  return (a, b) => time(a.dueDate) - time(b.dueDate) || time(a.creationDate) - time(b.creationDate);
}
