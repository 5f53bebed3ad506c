/** The inbox API's answers; web/src/features/inbox/inbox.types.ts mirrors them. */
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
  priority: number;
  assignee: string | null;
}

export interface InboxPage {
  items: TaskSummary[];
  total: number;
  counts: Record<InboxScope, number>;
  processes: { id: string; name: string }[];
}

export interface TaskDetail extends TaskSummary {
  form: Record<string, unknown>;
  data: Record<string, unknown>;
  draftSavedAt: string | null;
  canClaim: boolean;
  canComplete: boolean;
  diagram: { bpmnXml: string; activeElementId: string } | null;
  history: { at: string; actor: string; action: string }[];
  comments: { at: string; author: string; text: string }[];
}
