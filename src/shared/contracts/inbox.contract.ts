/**
 * The inbox API's contract (src/app/inbox/inbox.routes.ts, comment.routes.ts): the server answers in these shapes and
 * the browser app reads them, both importing this file, so the two cannot drift apart. Types only.
 */
import type { FormData, FormSchema } from './form.contract.js';
export type InboxScope = 'mine' | 'unclaimed' | 'all';
export type DueFilter = 'any' | 'soon' | 'overdue';
export type PriorityFilter = 'any' | 'high' | 'medium' | 'low';
export type InboxSort = 'due' | 'created' | 'priority';

export interface InboxQuery {
  scope: InboxScope;
  processId: string;
  due: DueFilter;
  priority: PriorityFilter;
  sort: InboxSort;
  page: number;
  pageSize: number;
}

export interface TaskSummary {
  id: string;
  name: string;
  processId: string;
  processName: string;
  unitName: string;
  period: string;
  createdAt: string;
  dueDate: string | null;
  /** Camunda's task priority, 0–100. */
  priority: number;
  assignee: string | null;
  /** The assignee's full name (their username if the organisation does not know them). */
  assigneeName: string | null;
  /** Back with its drafter after a reviewer returned it for rework ("trả lại để hoàn thiện"). */
  returned: boolean;
  /** Open, but a change is under way in the engine (Camunda 8.8's CREATING, ASSIGNING, UPDATING): shown, not actionable. */
  updating: boolean;
}

export interface InboxPage {
  items: TaskSummary[];
  total: number;
  /** The engine capped its count (Camunda may): there are at least `total`, shown as "10.000+". */
  totalIsLowerBound: boolean;
  counts: Record<InboxScope, number>;
  /** Per scope, as totalIsLowerBound. */
  countIsLowerBound: Record<InboxScope, boolean>;
  processes: { id: string; name: string }[];
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  /** The step (the task's name) the action was taken on; empty for entries recorded before steps were named. */
  step: string;
}

export interface TaskComment {
  at: string;
  author: string;
  text: string;
}

/** The comments of a task the user may see (GET and POST …/comments). */
export interface CommentList {
  /** Newest first, one page. */
  items: TaskComment[];
  /** Pass as `?before=` for the older ones; null when there are none. */
  next: string | null;
}

/** PUT …/draft: when the server kept the draft. */
export interface DraftSaved {
  savedAt: string;
}

/** PUT …/draft and POST …/complete. */
export interface TaskDataRequest {
  data: FormData;
}

export interface TaskDetail extends TaskSummary {
  /** The form-js schema as deployed with the process. */
  form: FormSchema;
  /** The task's variables merged with the user's saved draft, if any. */
  data: FormData;
  draftSavedAt: string | null;
  /** Still waiting to be done; false once completed or cancelled with its process. */
  open: boolean;
  /** The signed-in user may claim it (it is open to one of their groups and not assigned to them). */
  canClaim: boolean;
  /** The signed-in user holds it. */
  canComplete: boolean;
  diagram: { bpmnXml: string; activeElementId: string } | null;
  /** What the viewer may see of the instance: their unit's chain of tasks, or all of it for the Bloc's bodies. */
  history: HistoryEntry[];
  /** The newest comments first, one page (the comments route pages on with `commentsNext`). */
  comments: TaskComment[];
  commentsNext: string | null;
  /** The task's process instance: its documents are listed beside the task (GET /api/documents?processInstanceKey=). */
  processInstanceKey?: string;
}
