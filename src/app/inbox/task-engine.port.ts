import type { FormSchema } from '../../shared/contracts/index.js';
import type {
  DateTimeFilterProperty,
  IntegerFilterProperty,
  StringFilterProperty,
} from '@camunda8/orchestration-cluster-api';

/** A user task as the inbox needs it, read from the engine's REST v2 API. Keys are int64 as strings. */
export interface EngineTask {
  key: string;
  name: string;
  elementId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  candidateGroups: string[];
  assignee: string | null;
  /**
   * CREATED while open; COMPLETED, CANCELED, … afterwards. Camunda 8.8 also shows the transient CREATING, ASSIGNING,
   * UPDATING (open, but a change is under way), COMPLETING and CANCELING.
   */
  state: string;
  creationDate: string;
  dueDate: string | null;
  priority: number;
}

/**
 * A search of open tasks as Camunda's user-task search takes it, in the SDK's own filter types. On candidateGroup,
 * `$in` holds when one of the task's groups is listed and `$notIn` when none is.
 */
export interface TaskSearch {
  filter: {
    assignee?: StringFilterProperty;
    candidateGroup?: StringFilterProperty;
    processDefinitionId?: string;
    priority?: IntegerFilterProperty;
    /** ISO 8601 date-times. */
    dueDate?: DateTimeFilterProperty;
    creationDate?: DateTimeFilterProperty;
  };
  sort: { field: 'dueDate' | 'creationDate' | 'priority'; order: 'ASC' | 'DESC' }[];
  page: { from: number; limit: number };
}

/** The states in which a task is still to be done (Camunda 8.8's transient ones included). */
export const OPEN_TASK_STATES = ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING'] as const;

export function isOpenState(state: string): boolean {
  return (OPEN_TASK_STATES as readonly string[]).includes(state);
}

/** Open, and no change under way: the only state in which it can be claimed, saved or completed. */
export function isSettled(task: EngineTask): boolean {
  return task.state === 'CREATED';
}

export interface TaskForm {
  /** Immutable per key, so a compiled form may be kept by it. */
  formKey: string;
  schema: FormSchema;
}

/** A refusal the engine answered with (404 unknown task, 409 conflicting state, …). */
export class EngineRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineRefusal';
  }
}

/**
 * What the inbox asks of the engine. The adapter (camunda-task-engine.ts) speaks Camunda's REST v2 through
 * @camunda8/sdk, so it runs against the embedded engine and Camunda 8.8 alike; tests may substitute a fake.
 */
export interface TaskEngine {
  /**
   * Open tasks (the OPEN_TASK_STATES) matching the filter: one sorted page and the number of all matches, which
   * Camunda may cap (then `totalIsLowerBound`: there are at least `total`).
   */
  searchOpen(search: TaskSearch): Promise<{ items: EngineTask[]; total: number; totalIsLowerBound: boolean }>;
  get(key: string): Promise<EngineTask | null>;
  /**
   * Reads the task until `until` holds, for up to `waitMs`: Camunda's searches and gets are eventually consistent, so
   * a change the app itself just made may not show yet. Returns the last read (which may not satisfy `until`).
   */
  getWhen(
    key: string,
    until: (task: EngineTask | null) => boolean,
    waitMs: number,
  ): Promise<EngineTask | null>;
  /** The task's linked form-js schema, or null when it has none. */
  form(key: string): Promise<TaskForm | null>;
  /**
   * The variables the task sees, each resolved by scope (the task's own first, then the nearest enclosing one, as a
   * FEEL expression there would see it); only those named when names are given. Throws TruncatedVariable rather than
   * hand back a cut value
   * (inbox.errors.ts variableTruncated).
   */
  variables(key: string, names?: readonly string[]): Promise<Record<string, unknown>>;
  /** The latest version of each deployed process: its id and name. */
  processes(): Promise<{ id: string; name: string }[]>;
  /** A deployed process definition's name and BPMN XML (immutable per key, so callers may cache it). */
  definition(processDefinitionKey: string): Promise<{ name: string; xml: string } | null>;
  assign(key: string, assignee: string): Promise<void>;
  unassign(key: string): Promise<void>;
  complete(key: string, variables: Record<string, unknown>): Promise<void>;
}
