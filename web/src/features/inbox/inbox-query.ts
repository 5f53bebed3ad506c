import type { DueFilter, InboxQuery, InboxScope, InboxSort, PriorityFilter } from '../../lib/contracts.js';

export const PAGE_SIZE = 20;

/**
 * The list opens on every task the user may see: a new task is nobody's yet, so "mine" would open empty. The server
 * falls back to the same scope (src/app/inbox/inbox-query.ts), since the address and the API request leave it out.
 */
export const DEFAULT_QUERY: InboxQuery = {
  scope: 'all',
  processId: '',
  due: 'any',
  priority: 'any',
  sort: 'due',
  page: 1,
  pageSize: PAGE_SIZE,
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The inbox's filters live in the address, so a filtered list can be reloaded, bookmarked and shared. */
export function queryFromSearch(search: URLSearchParams): InboxQuery {
  const page = Number(search.get('page'));
  return {
    scope: oneOf<InboxScope>(search.get('scope'), ['mine', 'unclaimed', 'all'], DEFAULT_QUERY.scope),
    processId: search.get('process') ?? '',
    due: oneOf<DueFilter>(search.get('due'), ['any', 'soon', 'overdue'], DEFAULT_QUERY.due),
    priority: oneOf<PriorityFilter>(search.get('priority'), ['any', 'high', 'medium', 'low'], 'any'),
    sort: oneOf<InboxSort>(search.get('sort'), ['due', 'created', 'priority'], DEFAULT_QUERY.sort),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function searchFromQuery(query: InboxQuery): string {
  const params = new URLSearchParams();
  if (query.scope !== DEFAULT_QUERY.scope) params.set('scope', query.scope);
  if (query.processId) params.set('process', query.processId);
  if (query.due !== 'any') params.set('due', query.due);
  if (query.priority !== 'any') params.set('priority', query.priority);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Camunda priorities are 0–100; the inbox shows three levels. */
export function priorityLevel(priority: number): Exclude<PriorityFilter, 'any'> {
  if (priority >= 75) return 'high';
  if (priority >= 25) return 'medium';
  return 'low';
}
