import type { UnitTaskFact } from './unit-status.js';

/** A process instance as Camunda's process-instance search returns it. */
export interface EngineInstance {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  state: string;
  startDate: string;
  endDate: string | null;
}

export interface EngineElementInstance {
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: string;
  startDate: string;
  endDate: string | null;
}

/** A variable of one scope; `value` already parsed from Camunda's JSON text (whole, even when the search truncated). */
export interface EngineVariable {
  name: string;
  scopeKey: string;
  processInstanceKey: string;
  value: unknown;
}

/**
 * What the dashboard asks of the engine: only searches that Camunda 8.8's REST v2 API answers (process instances,
 * element instances, variables, user tasks), so the same screens work on a Camunda cluster.
 */
export interface PeriodEngine {
  instances(processId: string): Promise<EngineInstance[]>;
  instance(processInstanceKey: string): Promise<EngineInstance | null>;
  /** Every variable of this name in the instance (all scopes); in every instance when no key is given. */
  variables(name: string, processInstanceKey?: string): Promise<EngineVariable[]>;
  elementInstances(processInstanceKey: string, elementId: string): Promise<EngineElementInstance[]>;
  /** All user tasks of the instance, open and finished. */
  userTasks(processInstanceKey: string): Promise<UnitTaskFact[]>;
  /**
   * The `unit.code` a user task sees, or null when not (yet) visible. `finished`: the task is over, so a miss is
   * remembered for a while (an engine may no longer show a finished task's scope).
   */
  unitOfTask(userTaskKey: string, finished: boolean): Promise<string | null>;
}
