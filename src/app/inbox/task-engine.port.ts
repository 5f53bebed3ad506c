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
  /** Open tasks (state CREATED) matching one candidate group or one assignee. */
  searchOpen(filter: { candidateGroup: string } | { assignee: string }): Promise<EngineTask[]>;
  get(key: string): Promise<EngineTask | null>;
  /** The task's linked form-js schema, or null when it has none. */
  form(key: string): Promise<Record<string, unknown> | null>;
  variables(key: string): Promise<Record<string, unknown>>;
  /** A deployed process definition's name and BPMN XML (immutable per key, so callers may cache it). */
  definition(processDefinitionKey: string): Promise<{ name: string; xml: string } | null>;
  assign(key: string, assignee: string): Promise<void>;
  unassign(key: string): Promise<void>;
  complete(key: string, variables: Record<string, unknown>): Promise<void>;
}
