/** The inbox API's contract as the browser sees it; the server module (src/app/inbox) answers in these shapes. */
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
}

export interface InboxPage {
  items: TaskSummary[];
  total: number;
  counts: Record<InboxScope, number>;
  processes: { id: string; name: string }[];
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
}

export interface TaskComment {
  at: string;
  author: string;
  text: string;
}

/** A form-js schema as deployed with the process (the browser passes it to form-js untouched). */
export interface FormSchema {
  type: 'default';
  components: object[];
  [property: string]: unknown;
}

export type FormData = Record<string, unknown>;

export interface TaskDetail extends TaskSummary {
  form: FormSchema;
  /** The task's variables merged with the user's saved draft, if any. */
  data: FormData;
  draftSavedAt: string | null;
  /** The signed-in user may claim it (it is open to one of their groups and not assigned to them). */
  canClaim: boolean;
  /** The signed-in user holds it. */
  canComplete: boolean;
  diagram: { bpmnXml: string; activeElementId: string } | null;
  history: HistoryEntry[];
  comments: TaskComment[];
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
