/**
 * The contract between the engine's core (model/, processing/, state/) and its protocol adapters (gateway/).
 *
 * The gRPC and REST v2 adapters translate Camunda's wire formats into these calls and back; they hold no engine
 * state. The core implements this interface and knows nothing of gRPC or HTTP. Nothing outside src/engine/ may
 * import this file: the app and the workers reach the engine only through Camunda's clients.
 *
 * Conventions:
 * - Keys are Zeebe-style int64 values carried as decimal strings.
 * - Times are epoch milliseconds (numbers) inside the engine; adapters format them as ISO 8601 where the protocol wants.
 * - Every command resolves only after its effects are persisted (durability); a rejected command changes nothing.
 * - Expected rejections are thrown as EngineError with a Zeebe-like code; adapters map codes to gRPC status / HTTP.
 */

export type Key = string;
export type Variables = Record<string, unknown>;

export type EngineErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'UNIMPLEMENTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** Extra machine-readable detail, e.g. the offending BPMN element id. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

// ---------------------------------------------------------------------------------------------- deployment

export interface ResourceInput {
  /** File name as the client sent it, e.g. "bao-cao.bpmn" or "bao-cao.form". */
  name: string;
  content: Buffer;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  resourceName: string;
  tenantId: string;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: Key;
  resourceName: string;
  tenantId: string;
}

export interface DeployedDecision {
  decisionId: string;
  name: string;
  version: number;
  decisionKey: Key;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  tenantId: string;
}

export interface DeployedDecisionRequirements {
  decisionRequirementsId: string;
  name: string;
  version: number;
  decisionRequirementsKey: Key;
  resourceName: string;
  tenantId: string;
}

export interface DeploymentResult {
  key: Key;
  tenantId: string;
  processes: DeployedProcess[];
  forms: DeployedForm[];
  decisions: DeployedDecision[];
  decisionRequirements: DeployedDecisionRequirements[];
}

// ------------------------------------------------------------------------------------------------ instances

export interface StartInstruction {
  elementId: string;
}

export interface CreateInstanceCommand {
  /** One of bpmnProcessId or processDefinitionKey. */
  bpmnProcessId?: string;
  processDefinitionKey?: Key;
  /** -1 or undefined: latest. */
  version?: number;
  variables?: Variables;
  startInstructions?: StartInstruction[];
  tenantId?: string;
  /** Client-chosen id of the operation: a repeat creates nothing and answers the first instance (our extension). */
  operationReference?: string;
}

export interface CreatedInstance {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Key;
  tenantId: string;
}

export interface InstanceResult extends CreatedInstance {
  variables: Variables;
}

export interface ModifyInstanceCommand {
  processInstanceKey: Key;
  activateInstructions?: {
    elementId: string;
    ancestorElementInstanceKey?: Key;
    variableInstructions?: { variables: Variables; scopeId?: string }[];
  }[];
  terminateInstructions?: { elementInstanceKey: Key }[];
}

/** Zeebe's migration plan: the target definition and, for each active element, the element it becomes. */
export interface MigrateInstanceCommand {
  processInstanceKey: Key;
  targetProcessDefinitionKey: Key;
  mappingInstructions: { sourceElementId: string; targetElementId: string }[];
}

// ----------------------------------------------------------------------------------------------------- jobs

export interface ActivateJobsCommand {
  type: string;
  worker: string;
  /** How long the activated jobs stay locked to this worker. */
  timeoutMs: number;
  maxJobsToActivate: number;
  /** Variables to fetch; empty or undefined: all visible in the job's scope. */
  fetchVariables?: string[];
  tenantIds?: string[];
}

export interface ActivatedJob {
  key: Key;
  type: string;
  processInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch ms when the activation times out. */
  deadline: number;
  variables: Variables;
  tenantId: string;
}

export interface JobStreamHandle {
  close(): void;
}

export interface FailJobCommand {
  jobKey: Key;
  retries: number;
  errorMessage?: string;
  retryBackOffMs?: number;
  variables?: Variables;
}

export interface ThrowErrorCommand {
  jobKey: Key;
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

// ------------------------------------------------------------------------------------ messages and signals

export interface PublishMessageCommand {
  name: string;
  correlationKey: string;
  timeToLiveMs?: number;
  /** Unique per name while the message is buffered; a duplicate is rejected with ALREADY_EXISTS. */
  messageId?: string;
  variables?: Variables;
  tenantId?: string;
}

export interface CorrelateMessageResult {
  messageKey: Key;
  processInstanceKey: Key;
  tenantId: string;
}

export interface BroadcastSignalCommand {
  signalName: string;
  variables?: Variables;
  tenantId?: string;
}

export interface SetVariablesCommand {
  elementInstanceKey: Key;
  variables: Variables;
  /** true: set in that scope only; false: propagate to the scope that already holds each variable. */
  local: boolean;
}

// ----------------------------------------------------------------------------------------- search (queries)

export type SortOrder = 'ASC' | 'DESC';

export interface SearchQuery<F> {
  filter?: F;
  sort?: { field: string; order?: SortOrder }[];
  page?: { from?: number; limit?: number };
  /** Camunda's `truncateValues` query parameter of variable searches: false asks for whole values. */
  truncateValues?: boolean;
}

/** Camunda 8.8 counts a search's matches up to this many, then answers this with `hasMoreTotalItems`. */
export const SEARCH_TOTAL_CAP = 10_000;

export interface SearchResult<T> {
  items: T[];
  total: number;
  /** The count stopped at `total` (Camunda's secondary storage may cap it); there are more. */
  hasMoreTotalItems?: boolean;
}

export interface ProcessDefinition {
  processDefinitionKey: Key;
  processDefinitionId: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  resourceName: string;
  tenantId: string;
}

export type ProcessInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ProcessInstance {
  processInstanceKey: Key;
  processDefinitionKey: Key;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  /** zeebe:versionTag of the definition, if it has one. */
  processDefinitionVersionTag: string | null;
  state: ProcessInstanceState;
  startDate: number;
  endDate: number | null;
  parentProcessInstanceKey: Key | null;
  parentElementInstanceKey: Key | null;
  hasIncident: boolean;
  tenantId: string;
}

/**
 * Camunda 8.8's `variables` condition of a process-instance search: the instance's own (process-scope) variable of
 * that name exists and its value, as JSON text, passes `value`.
 */
export interface ProcessInstanceVariableFilter {
  name: string;
  value: FilterProperty<string>;
}

export type ProcessInstanceFilter = Partial<ProcessInstance> & {
  variables?: ProcessInstanceVariableFilter[];
};

export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstance {
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  processDefinitionId: string;
  elementId: string;
  elementName: string | null;
  /** Camunda's element type names, e.g. SERVICE_TASK, USER_TASK, EXCLUSIVE_GATEWAY, START_EVENT. */
  type: string;
  state: ElementInstanceState;
  startDate: number;
  endDate: number | null;
  hasIncident: boolean;
  incidentKey: Key | null;
  tenantId: string;
  /** The instance it runs in: its process instance or the (sub-process, multi-instance…) element instance holding it. */
  flowScopeKey: Key | null;
}

export type IncidentState = 'ACTIVE' | 'RESOLVED';

export interface Incident {
  incidentKey: Key;
  processDefinitionKey: Key;
  processDefinitionId: string;
  processInstanceKey: Key;
  elementInstanceKey: Key;
  elementId: string;
  /** Camunda's error types, e.g. JOB_NO_RETRIES, EXTRACT_VALUE_ERROR, IO_MAPPING_ERROR, UNHANDLED_ERROR_EVENT. */
  errorType: string;
  errorMessage: string;
  jobKey: Key | null;
  state: IncidentState;
  creationTime: number;
  tenantId: string;
}

export interface Variable {
  variableKey: Key;
  name: string;
  /** JSON-encoded value, as Camunda's REST API returns it. */
  value: string;
  processInstanceKey: Key;
  scopeKey: Key;
  tenantId: string;
  /** The value was cut (only under ENGINE_PROFILE=camunda-8.8, as Camunda 8.8 cuts long values in searches). */
  isTruncated?: boolean;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED' | 'FAILED';
/**
 * Every state Camunda 8.8 names, for filters: the transient ones (CREATING, ASSIGNING, UPDATING, COMPLETING,
 * CANCELING) pass in one step here, so a filter on them alone finds nothing.
 */
export type UserTaskStateFilterValue =
  UserTaskState | 'CREATING' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

export interface UserTask {
  userTaskKey: Key;
  name: string | null;
  state: UserTaskState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  elementId: string;
  elementInstanceKey: Key;
  processDefinitionId: string;
  processDefinitionKey: Key;
  processDefinitionVersion: number;
  processInstanceKey: Key;
  formKey: Key | null;
  creationDate: number;
  completionDate: number | null;
  dueDate: number | null;
  followUpDate: number | null;
  priority: number;
  customHeaders: Record<string, string>;
  tenantId: string;
}

/**
 * A filter on one field as Camunda's REST v2 takes it: a plain value (equality) or an object of operators, all of
 * which must hold. On a list field (candidate groups, candidate users) `$eq`, `$in` and `$like` hold when any element
 * matches, `$neq` and `$notIn` when none does, and `$exists` when the list is not empty.
 */
export interface AdvancedFilter<T> {
  $eq?: T;
  $neq?: T;
  $exists?: boolean;
  $in?: T[];
  $notIn?: T[];
  $gt?: T;
  $gte?: T;
  $lt?: T;
  $lte?: T;
  /** `*` any characters, `?` one character, `\\` escapes. */
  $like?: string;
}

export type FilterProperty<T> = T | AdvancedFilter<T>;

/** Dates are epoch milliseconds here; the REST gateway converts Camunda's ISO strings. */
export interface UserTaskFilter {
  state?: FilterProperty<UserTaskStateFilterValue>;
  assignee?: FilterProperty<string>;
  candidateGroup?: FilterProperty<string>;
  candidateUser?: FilterProperty<string>;
  priority?: FilterProperty<number>;
  creationDate?: FilterProperty<number>;
  completionDate?: FilterProperty<number>;
  dueDate?: FilterProperty<number>;
  followUpDate?: FilterProperty<number>;
  tenantId?: FilterProperty<string>;
  name?: string;
  processDefinitionKey?: Key;
  processDefinitionId?: string;
  processInstanceKey?: Key;
  elementInstanceKey?: Key;
  elementId?: string;
  userTaskKey?: Key;
}

export interface UpdateUserTaskCommand {
  userTaskKey: Key;
  dueDate?: number | null;
  followUpDate?: number | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  priority?: number;
}

export interface Form {
  formKey: Key;
  formId: string;
  version: number;
  /** The form-js schema as JSON text. */
  schema: string;
  tenantId: string;
}

export interface Topology {
  /** UNHEALTHY while the database is unavailable: commands are refused then (not ready). */
  health: 'HEALTHY' | 'UNHEALTHY';
  gatewayVersion: string;
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
}

// ---------------------------------------------------------------------------------------------- decisions

export interface EvaluateDecisionCommand {
  /** One of decisionKey or decisionId (the latest version). */
  decisionKey?: Key;
  decisionId?: string;
  variables?: Variables;
  tenantId?: string;
}

/** Values are JSON text, as Camunda's APIs carry them. */
export interface EvaluatedDecisionInput {
  inputId: string;
  inputName: string;
  inputValue: string;
}

export interface EvaluatedDecisionOutput {
  outputId: string;
  outputName: string;
  outputValue: string;
}

export interface MatchedDecisionRule {
  ruleId: string;
  /** 1-based position of the rule in its table. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedDecisionOutput[];
}

export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

export interface EvaluatedDecision {
  decisionKey: Key;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionType: DecisionType;
  /** The decision's result as JSON text. */
  output: string;
  evaluatedInputs: EvaluatedDecisionInput[];
  matchedRules: MatchedDecisionRule[];
  /** The decision instance recorded for it. */
  decisionInstanceKey: Key;
  tenantId: string;
}

export interface DecisionEvaluationResult {
  decisionKey: Key;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  /** The requested decision's result as JSON text. */
  output: string;
  /** Required decisions first, the requested one last. */
  evaluatedDecisions: EvaluatedDecision[];
  decisionEvaluationKey: Key;
  tenantId: string;
}

export interface DecisionDefinition {
  decisionDefinitionKey: Key;
  decisionDefinitionId: string;
  name: string;
  version: number;
  decisionRequirementsKey: Key;
  decisionRequirementsId: string;
  tenantId: string;
}

export interface DecisionRequirements {
  decisionRequirementsKey: Key;
  decisionRequirementsId: string;
  decisionRequirementsName: string;
  version: number;
  resourceName: string;
  tenantId: string;
}

export type DecisionInstanceState = 'EVALUATED' | 'FAILED';

export interface DecisionInstance {
  decisionEvaluationInstanceKey: Key;
  decisionEvaluationKey: Key;
  state: DecisionInstanceState;
  evaluationDate: number;
  evaluationFailure: string | null;
  decisionDefinitionKey: Key;
  decisionDefinitionId: string;
  decisionDefinitionName: string;
  decisionDefinitionVersion: number;
  decisionDefinitionType: DecisionType;
  /** JSON text. */
  result: string;
  evaluatedInputs: EvaluatedDecisionInput[];
  matchedRules: MatchedDecisionRule[];
  processDefinitionKey: Key | null;
  processInstanceKey: Key | null;
  elementInstanceKey: Key | null;
  tenantId: string;
}

export interface DecisionInstanceFilter {
  decisionEvaluationInstanceKey?: Key;
  decisionEvaluationKey?: Key;
  state?: DecisionInstanceState;
  evaluationFailure?: string;
  evaluationDate?: FilterProperty<number>;
  decisionDefinitionKey?: FilterProperty<Key>;
  decisionDefinitionId?: string;
  decisionDefinitionName?: string;
  decisionDefinitionVersion?: number;
  decisionDefinitionType?: DecisionType;
  processDefinitionKey?: Key;
  processInstanceKey?: Key;
  elementInstanceKey?: FilterProperty<Key>;
  tenantId?: string;
}

// ------------------------------------------------------------------------------------------- the interface

export interface EngineApi {
  topology(): Topology;

  deploy(resources: ResourceInput[], tenantId?: string): Promise<DeploymentResult>;
  deleteResource(resourceKey: Key): Promise<void>;

  createInstance(command: CreateInstanceCommand): Promise<CreatedInstance>;
  /** Resolves when the instance completes, with its variables (all, or only fetchVariables). */
  createInstanceWithResult(
    command: CreateInstanceCommand,
    options: { requestTimeoutMs: number; fetchVariables?: string[] },
  ): Promise<InstanceResult>;
  cancelInstance(processInstanceKey: Key): Promise<void>;
  modifyInstance(command: ModifyInstanceCommand): Promise<void>;
  /** Moves a running instance to another process definition; refused, changing nothing, when it cannot be. */
  migrateInstance(command: MigrateInstanceCommand): Promise<void>;

  /** Activates what is available now (possibly nothing); long polling is the gateway's loop over onJobsAvailable. */
  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]>;
  /** Calls listener when jobs of this type may have become activatable. Returns an unsubscribe function. */
  onJobsAvailable(type: string, listener: () => void): () => void;
  /** Pushes each newly activatable job of the type to push(); used by StreamActivatedJobs. */
  openJobStream(
    command: Omit<ActivateJobsCommand, 'maxJobsToActivate'>,
    push: (job: ActivatedJob) => void,
  ): JobStreamHandle;
  completeJob(jobKey: Key, variables?: Variables): Promise<void>;
  failJob(command: FailJobCommand): Promise<void>;
  throwError(command: ThrowErrorCommand): Promise<void>;
  updateJobRetries(jobKey: Key, retries: number): Promise<void>;
  updateJobTimeout(jobKey: Key, timeoutMs: number): Promise<void>;

  publishMessage(command: PublishMessageCommand): Promise<{ key: Key; tenantId: string }>;
  /** Correlates to a waiting subscription or a message start event now, or fails with NOT_FOUND (REST correlate). */
  correlateMessage(
    command: Omit<PublishMessageCommand, 'timeToLiveMs' | 'messageId'>,
  ): Promise<CorrelateMessageResult>;
  broadcastSignal(command: BroadcastSignalCommand): Promise<{ key: Key; tenantId: string }>;
  setVariables(command: SetVariablesCommand): Promise<{ key: Key }>;
  resolveIncident(incidentKey: Key): Promise<void>;

  searchProcessDefinitions(
    query: SearchQuery<Partial<ProcessDefinition>>,
  ): Promise<SearchResult<ProcessDefinition>>;
  getProcessDefinitionXml(processDefinitionKey: Key): Promise<string>;
  searchProcessInstances(query: SearchQuery<ProcessInstanceFilter>): Promise<SearchResult<ProcessInstance>>;
  searchElementInstances(
    query: SearchQuery<Partial<ElementInstance>>,
  ): Promise<SearchResult<ElementInstance>>;
  searchIncidents(query: SearchQuery<Partial<Incident>>): Promise<SearchResult<Incident>>;
  searchVariables(query: SearchQuery<Partial<Variable>>): Promise<SearchResult<Variable>>;

  searchUserTasks(query: SearchQuery<UserTaskFilter>): Promise<SearchResult<UserTask>>;
  assignUserTask(userTaskKey: Key, assignee: string, options?: { allowOverride?: boolean }): Promise<void>;
  unassignUserTask(userTaskKey: Key): Promise<void>;
  updateUserTask(command: UpdateUserTaskCommand): Promise<void>;
  completeUserTask(userTaskKey: Key, variables?: Variables): Promise<void>;
  /**
   * Variables visible at the task's element instance (its scope and all ancestors): one entry per name, the
   * innermost value; with `perScope`, one entry per scope that holds the name, as Camunda 8.8 answers.
   */
  searchUserTaskVariables(
    userTaskKey: Key,
    query: SearchQuery<{ name?: FilterProperty<string> }> & { perScope?: boolean },
  ): Promise<SearchResult<Variable>>;

  getForm(formKey: Key): Promise<Form>;

  /** Evaluates a deployed decision (and the ones it requires); a failed evaluation is INVALID_ARGUMENT. */
  evaluateDecision(command: EvaluateDecisionCommand): Promise<DecisionEvaluationResult>;
  searchDecisionDefinitions(
    query: SearchQuery<Partial<DecisionDefinition>>,
  ): Promise<SearchResult<DecisionDefinition>>;
  /** The DMN resource the decision was deployed in. */
  getDecisionDefinitionXml(decisionDefinitionKey: Key): Promise<string>;
  searchDecisionRequirements(
    query: SearchQuery<Partial<DecisionRequirements>>,
  ): Promise<SearchResult<DecisionRequirements>>;
  getDecisionRequirementsXml(decisionRequirementsKey: Key): Promise<string>;
  searchDecisionInstances(
    query: SearchQuery<DecisionInstanceFilter>,
  ): Promise<SearchResult<DecisionInstance>>;
  /** Pins the engine's clock at an instant (Camunda's controlled clock); refused unless the clock is controlled. */
  pinClock(epochMs: number): Promise<void>;
  /** Returns a pinned clock to real time. */
  resetClock(): Promise<void>;

  /** Resolves once the engine is recovered from its store and timers run. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The clock every timer, due date and job timeout reads. Tests move it; production uses wall time. */
export interface Clock {
  now(): number;
  /**
   * Called whenever the clock moves other than by running, so schedulers can re-check what fell due. `stepMs` is
   * 0 when time passed (a test advancing the clock), and the size of the jump when the wall clock was stepped
   * while real (monotonic) time did not move: an operator or NTP setting the system clock (see clock/).
   */
  onChange(listener: (stepMs: number) => void): () => void;
}
