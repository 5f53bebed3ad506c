/** The supervisors' cockpit (src/app/monitoring/monitor.routes.ts): instances, one instance, one process. Types only. */

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
export type InstanceSort = 'startDate' | 'endDate' | 'processDefinitionId' | 'state';

/** GET /api/monitor/instances?… — every field optional; the address of the list page uses the same names. */
export interface InstanceQuery {
  process?: string;
  version?: number;
  state?: InstanceState;
  /** true: only instances with an open incident; false: only without. */
  incidents?: boolean;
  /** yyyy-MM-dd, Asia/Ho_Chi_Minh days, both included. */
  from?: string;
  to?: string;
  /** A unit code (so-tai-chinh): instances whose units include it. */
  unit?: string;
  /** A period code (2026-6T, 2026-Q4, 2026): instances of that period. */
  period?: string;
  /** The business key: the instance's number (its key). */
  key?: string;
  sort?: InstanceSort;
  order?: 'asc' | 'desc';
  page?: number;
}

export interface InstanceRow {
  key: string;
  processId: string;
  processName: string;
  version: number;
  state: InstanceState;
  hasIncident: boolean;
  startDate: string;
  endDate: string | null;
}

export interface InstanceCounts {
  ACTIVE: number;
  COMPLETED: number;
  TERMINATED: number;
  incidents: number;
}

export interface InstanceList {
  items: InstanceRow[];
  total: number;
  /** The engine stopped counting at `total` (Camunda 8.8 caps at 10,000): there are at least that many. */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  /** Instances matching every filter but the state, per state; and those with incidents. */
  counts: InstanceCounts;
  /** Which of `counts` the engine capped (shown as "10.000+"). */
  countIsLowerBound: { [state in keyof InstanceCounts]: boolean };
  /** The processes this user may watch (the process filter's options). */
  processes: { id: string; name: string; versions: number[] }[];
  /** The reporting units (the unit filter's options). */
  units: { code: string; name: string }[];
}

export interface ElementCount {
  elementId: string;
  active: number;
  completed: number;
  canceled: number;
  incidents: number;
}

export interface IncidentView {
  key: string;
  elementId: string;
  elementName: string;
  errorType: string;
  message: string;
  createdAt: string;
  jobKey: string | null;
}

export interface VariableView {
  name: string;
  /** Pretty JSON of the value; cut to a readable length when long (truncated says so). */
  text: string;
  truncated: boolean;
}

/** One line of the instance's history: an element instance, and for user tasks who held and finished it. */
export interface HistoryLine {
  elementId: string;
  elementName: string;
  type: string;
  state: InstanceState;
  startDate: string;
  endDate: string | null;
  /** Who holds / held the user task (full name when known). */
  assignee: string | null;
  /** The inbox's and the cockpit's own records about it: claimed, completed, retried, cancelled… */
  events: { at: string; actor: string; action: string; detail?: string }[];
}

export interface InstanceDetail {
  instance: InstanceRow;
  bpmnXml: string;
  elements: ElementCount[];
  /** Sequence flow ids taken so far. */
  flows: string[];
  incidents: IncidentView[];
  /** null: this user may not read the data (personnel data, reserved to the bodies the regulation names). */
  variables: VariableView[] | null;
  history: HistoryLine[];
  /** Audit entries of cockpit actions on this instance (retries, cancellation, data changes). */
  actions: { at: string; actor: string; action: string; detail: string }[];
  mayAct: boolean;
}

export interface ProcessVersionView {
  key: string;
  version: number;
  running: number;
  /** The engine stopped counting at `running` (Camunda 8.8 caps at 10,000). */
  runningIsLowerBound: boolean;
  bpmnXml: string;
  elements: ElementCount[];
}

/** GET /api/monitor/processes/:id — every version, newest first. */
export interface ProcessView {
  id: string;
  name: string;
  versions: ProcessVersionView[];
}

export interface CancelRequest {
  reason: string;
}

export interface SetVariablesRequest {
  /** Variable name → JSON value, set in the instance's own scope. */
  variables: Record<string, unknown>;
}
