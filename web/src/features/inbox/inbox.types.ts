/**
 * The inbox API's contract as the browser sees it. The shapes come from the server module that answers them
 * (src/app/inbox/inbox.types.ts), so server and browser cannot drift apart; only the form schema is narrowed here.
 */
import type { TaskDetail as ServerTaskDetail } from '../../../../src/app/inbox/inbox.types.js';

export type {
  DueFilter,
  HistoryEntry,
  InboxPage,
  InboxQuery,
  InboxScope,
  InboxSort,
  PriorityFilter,
  TaskComment,
  TaskSummary,
} from '../../../../src/app/inbox/inbox.types.js';
import type { InboxPage, InboxQuery } from '../../../../src/app/inbox/inbox.types.js';

/** A form-js schema as deployed with the process (the browser passes it to form-js untouched). */
export interface FormSchema {
  type: 'default';
  components: object[];
  [property: string]: unknown;
}

export type FormData = Record<string, unknown>;

export interface TaskDetail extends Omit<ServerTaskDetail, 'form' | 'data'> {
  form: FormSchema;
  /** The task's variables merged with the user's saved draft, if any. */
  data: FormData;
}

export interface InboxApi {
  list(query: InboxQuery): Promise<InboxPage>;
  get(taskId: string): Promise<TaskDetail>;
  claim(taskId: string): Promise<void>;
  unclaim(taskId: string): Promise<void>;
  saveDraft(taskId: string, data: FormData): Promise<{ savedAt: string }>;
  /** Rejects with an ApiProblem carrying per-field errors when the server refuses the data. */
  complete(taskId: string, data: FormData): Promise<void>;
}
