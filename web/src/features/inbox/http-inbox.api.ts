import type { DraftSaved, TaskDataRequest } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';
import { searchFromQuery } from './inbox-query.js';
import type { InboxPage, TaskDetail } from '../../lib/contracts.js';
import type { InboxApi } from './inbox.api.js';

const base = '/api/inbox/tasks';
const task = (taskId: string) => `${base}/${encodeURIComponent(taskId)}`;

/** The server's inbox API (src/app/inbox/inbox.routes.ts). */
export const httpInboxApi: InboxApi = {
  list: (query) => requestJson<InboxPage>(`${base}${searchFromQuery(query)}`),
  get: (taskId) => requestJson<TaskDetail>(task(taskId)),
  claim: (taskId) => requestJson<void>(`${task(taskId)}/claim`, { method: 'POST' }),
  unclaim: (taskId) => requestJson<void>(`${task(taskId)}/unclaim`, { method: 'POST' }),
  saveDraft: (taskId, data) =>
    requestJson<DraftSaved>(`${task(taskId)}/draft`, {
      method: 'PUT',
      body: { data } satisfies TaskDataRequest,
    }),
  complete: (taskId, data) =>
    requestJson<void>(`${task(taskId)}/complete`, {
      method: 'POST',
      body: { data } satisfies TaskDataRequest,
    }),
};
