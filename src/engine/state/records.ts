/**
 * The engine's live state, as small plain records. Each record type is one MongoDB collection, upserted by `key`.
 * Values that may hold arbitrary JSON (variables, headers, message payloads) are kept as JSON text in documents,
 * because variable names and header keys may contain '.' or '$', which MongoDB/FerretDB refuse as field names.
 */
import type { UserTask } from '../engine-api.js';
import type { BpmnElementType } from '../model/process-model.js';

export type Key = string;

export interface DefinitionRecord {
  key: Key;
  bpmnProcessId: string;
  version: number;
  name: string | null;
  versionTag: string | null;
  resourceName: string;
  /** The whole BPMN resource; re-parsed at restart. */
  xml: string;
  checksum: string;
  deploymentKey: Key;
  tenantId: string;
  deleted: boolean;
  /**
   * The forms this definition's user tasks bind with 'deployment': the key of each in its deployment (an unchanged
   * form counts with its existing version), sorted by formId. A list, not a map, since a formId may hold '.',
   * which MongoDB refuses in field names. Absent on definitions deployed before this existed: they have no such
   * tasks, since the parser refused that binding then.
   */
  deploymentForms?: { formId: string; formKey: Key }[];
  /** Likewise the decisions its business-rule tasks bind with 'deployment', sorted by decisionId. */
  deploymentDecisions?: { decisionId: string; decisionKey: Key }[];
}

export interface FormRecord {
  key: Key;
  formId: string;
  version: number;
  schema: string;
  resourceName: string;
  checksum: string;
  deploymentKey: Key;
  tenantId: string;
}

/** A deployed DMN resource: one decision requirements graph (DRG). */
export interface DecisionRequirementsRecord {
  key: Key;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  /** The whole DMN resource; re-parsed at restart. */
  xml: string;
  checksum: string;
  deploymentKey: Key;
  tenantId: string;
}

/** One decision of a deployed DRG, versioned per decision id. */
export interface DecisionRecord {
  key: Key;
  decisionId: string;
  name: string;
  version: number;
  versionTag: string | null;
  decisionRequirementsKey: Key;
  decisionRequirementsId: string;
  deploymentKey: Key;
  tenantId: string;
}

/**
 * One evaluated decision (Camunda's decision instance), written once and straight into its history collection.
 * Values (inputs, outputs, the result) are JSON text, as the APIs report them.
 */
export interface DecisionInstanceRecord {
  key: Key;
  /** The evaluation this decision was part of (a required decision shares its requiring decision's). */
  decisionEvaluationKey: Key;
  state: 'EVALUATED' | 'FAILED';
  evaluationDate: number;
  evaluationFailure: string | null;
  decisionDefinitionKey: Key;
  decisionDefinitionId: string;
  decisionDefinitionName: string;
  decisionDefinitionVersion: number;
  decisionDefinitionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
  decisionRequirementsKey: Key;
  decisionRequirementsId: string;
  result: string;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: string }[];
  matchedRules: {
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: string }[];
  }[];
  /** Set when a business-rule task evaluated it; null for EvaluateDecision. */
  processDefinitionKey: Key | null;
  processInstanceKey: Key | null;
  elementInstanceKey: Key | null;
  elementId: string | null;
  tenantId: string;
}

export type ElementLifecycle =
  'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATING' | 'TERMINATED';

export interface ElementInstanceRecord {
  key: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  /** For the process instance itself: the bpmnProcessId. */
  elementId: string;
  type: BpmnElementType;
  /** null for the process instance. */
  flowScopeKey: Key | null;
  state: ElementLifecycle;
  startDate: number;
  endDate: number | null;
  incidentKey: Key | null;
  tenantId: string;
  // process instance only
  parentProcessInstanceKey?: Key | null;
  parentElementInstanceKey?: Key | null;
  /** Message start: the correlation key that created it (one active instance per key). */
  startCorrelationKey?: string | null;
  // runtime fields of particular element kinds
  jobKey?: Key | null;
  userTaskKey?: Key | null;
  calledInstanceKey?: Key | null;
  /** Sequence flows that arrived at joining gateways of this scope and wait there. */
  joinTokens?: string[];
  /** An interrupting event waiting for this scope's children to terminate (or already applied). */
  interrupted?: boolean;
  /** Multi-instance body counters. */
  mi?: {
    total: number;
    active: number;
    completed: number;
    terminated: number;
    next: number;
  };
  /** Inner multi-instance loop counter (1-based). */
  loopCounter?: number;
}

export interface VariableRecord {
  key: Key;
  name: string;
  value: unknown;
  scopeKey: Key;
  processInstanceKey: Key;
  tenantId: string;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface JobRecord {
  key: Key;
  type: string;
  state: JobState;
  retries: number;
  worker: string;
  deadline: number;
  /** FAILED with back-off: activatable again at this time. */
  retryAt: number;
  errorMessage: string;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
}

/** Where a triggered event goes: see EventTriggerBehavior. */
export interface TimerRecord {
  key: Key;
  dueDate: number;
  /** The evaluated timer value (ISO 8601 date, duration, cycle or cron) and its type: re-parsed for the next due time. */
  timerType: 'timeDate' | 'timeDuration' | 'timeCycle';
  source: string;
  /** When the timer was created: the origin of durations and cycles. */
  anchor: number;
  elementInstanceKey: Key | null;
  processInstanceKey: Key | null;
  processDefinitionKey: Key;
  targetElementId: string;
  tenantId: string;
}

export interface MessageSubscriptionRecord {
  key: Key;
  messageName: string;
  correlationKey: string;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  targetElementId: string;
  interrupting: boolean;
  tenantId: string;
}

export interface SignalSubscriptionRecord {
  key: Key;
  signalName: string;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  targetElementId: string;
  tenantId: string;
}

export interface MessageRecord {
  key: Key;
  name: string;
  correlationKey: string;
  messageId: string | null;
  deadline: number;
  variables: Record<string, unknown>;
  /** Process instances (and bpmnProcessIds, for start events) it correlated to: at most once each. */
  correlatedInstances: Key[];
  correlatedProcesses: string[];
  tenantId: string;
}

export type IncidentStateValue = 'ACTIVE' | 'RESOLVED';

export interface IncidentRecord {
  key: Key;
  errorType: string;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  jobKey: Key | null;
  /** What resolving retries: the element's activation or completion, or the job (made activatable again). */
  retry: 'activate' | 'complete' | 'job';
  state: IncidentStateValue;
  creationTime: number;
  tenantId: string;
}

/** The stored user task is the API's user task, keyed by `key` like every other record. */
export type UserTaskRecord = Omit<UserTask, 'userTaskKey'> & { key: Key };
