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
  /** CREATED while open; COMPLETED, CANCELED, … afterwards. */
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
  /** Open tasks (state CREATED) matching the filter: one sorted page and the number of all matches. */
  searchOpen(search: TaskSearch): Promise<{ items: EngineTask[]; total: number }>;
  get(key: string): Promise<EngineTask | null>;
  /** The task's linked form-js schema, or null when it has none. */
  form(key: string): Promise<TaskForm | null>;
  /** The variables the task sees; only those named when names are given. */
  variables(key: string, names?: readonly string[]): Promise<Record<string, unknown>>;
  /** The latest version of each deployed process: its id and name. */
  processes(): Promise<{ id: string; name: string }[]>;
  /** A deployed process definition's name and BPMN XML (immutable per key, so callers may cache it). */
  definition(processDefinitionKey: string): Promise<{ name: string; xml: string } | null>;
  assign(key: string, assignee: string): Promise<void>;
  unassign(key: string): Promise<void>;
  complete(key: string, variables: Record<string, unknown>): Promise<void>;
}
