import type { FormData, InboxPage, InboxQuery, TaskDetail } from '../../lib/contracts.js';

/** What the inbox pages need of the server's inbox API (http-inbox.api.ts answers it over HTTP). */
export interface InboxApi {
  list(query: InboxQuery): Promise<InboxPage>;
  get(taskId: string): Promise<TaskDetail>;
  claim(taskId: string): Promise<void>;
  unclaim(taskId: string): Promise<void>;
  saveDraft(taskId: string, data: FormData): Promise<{ savedAt: string }>;
  /** Rejects with an ApiProblem carrying per-field errors when the server refuses the data. */
  complete(taskId: string, data: FormData): Promise<void>;
}
