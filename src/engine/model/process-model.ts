/**
 * The executable model: one ProcessModel per executable bpmn:process, validated at deploy time.
 *
 * Designed for an interpreter: elements are found by id in one flat map, sequence flows are resolved objects,
 * every attribute that Zeebe evaluates is a pre-compiled Expression, and the `kind` of an element (plus, for
 * events, the `eventDefinition.type`) is the key of the runtime's processor registry.
 * The model is immutable after parsing; the runtime must not mutate it.
 */
import type { Expression } from '../feel/feel-expression.js';

// ------------------------------------------------------------------------------------------------ kinds

export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'userTask'
  | 'receiveTask'
  | 'manualTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

/** Camunda's element type names, as REST and records report them (ElementInstance.type). */
export type BpmnElementType =
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'USER_TASK'
  | 'RECEIVE_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY'
  | 'PROCESS';

// ------------------------------------------------------------------------------------- shared pieces

/** One zeebe:input or zeebe:output. `target` may be a dotted path ("a.b"), kept split in `targetPath`. */
export interface VariableMapping {
  source: Expression;
  target: string;
  targetPath: string[];
}

export interface SequenceFlow {
  id: string;
  name: string | null;
  sourceId: string;
  targetId: string;
  /** null: unconditional. */
  condition: Expression | null;
}

/** zeebe:taskDefinition (+ zeebe:taskHeaders) of every job-based element. */
export interface JobDefinition {
  /** Job type; static or FEEL. */
  type: Expression;
  /** Retries; static number (default 3) or FEEL. */
  retries: Expression;
  /** zeebe:taskHeaders, static key → value. */
  headers: Record<string, string>;
}

export type TimerType = 'timeDate' | 'timeDuration' | 'timeCycle';

export interface TimerDefinition {
  type: TimerType;
  /** Static ISO 8601 / cron text, or FEEL returning one (or a FEEL date-time / duration). Static ones are checked at deploy. */
  expression: Expression;
  /** The engine's timer floor when the model was parsed: a FEEL value below it raises an incident. */
  floorMs?: number;
}

export interface MessageDefinition {
  /** bpmn:message id. */
  id: string;
  /** Message name; static or FEEL. */
  name: Expression;
  /** zeebe:subscription correlationKey; null only on message start events. */
  correlationKey: Expression | null;
}

export type EventDefinition =
  | { type: 'none' }
  | { type: 'timer'; timer: TimerDefinition }
  /** On message throw and end events (jobs) the message is optional: without a bpmn:message, id and name are ''. */
  | { type: 'message'; message: MessageDefinition }
  | { type: 'signal'; signalName: Expression }
  /** Catch: errorCode null catches every error. Throw (end event): errorCode is set. */
  | { type: 'error'; errorCode: Expression | null; errorMessage: Expression | null }
  /** Catch: escalationCode null catches every escalation. Throw: set. */
  | { type: 'escalation'; escalationCode: Expression | null }
  | { type: 'terminate' }
  | { type: 'link'; linkName: string };

export type EventType = EventDefinition['type'];

export interface MultiInstanceDefinition {
  isSequential: boolean;
  inputCollection: Expression;
  /** Local variable holding the current item; null: none. */
  inputElement: string | null;
  /** Variable collecting outputElement results; null: none. */
  outputCollection: string | null;
  outputElement: Expression | null;
  completionCondition: Expression | null;
}

// ------------------------------------------------------------------------------------------ elements

interface ElementBase {
  id: string;
  name: string | null;
  kind: ElementKind;
  bpmnElementType: BpmnElementType;
  /** Id of the containing (event) sub-process; null at the process level. */
  parentId: string | null;
  incoming: SequenceFlow[];
  outgoing: SequenceFlow[];
  /** zeebe:ioMapping inputs, applied on activation in the element's local scope. */
  inputMappings: VariableMapping[];
  /** zeebe:ioMapping outputs, applied on completion into the parent scope. */
  outputMappings: VariableMapping[];
  /** zeebe:properties, static. */
  properties: Record<string, string>;
  /** Documentation text, if any. */
  documentation: string | null;
}

interface ActivityBase extends ElementBase {
  /** Boundary events attached to this activity, in document order. */
  boundaryEventIds: string[];
  /** Set when the activity has multiInstanceLoopCharacteristics (the runtime wraps it in a body). */
  multiInstance: MultiInstanceDefinition | null;
}

export interface StartEvent extends ElementBase {
  kind: 'startEvent';
  eventDefinition: Extract<
    EventDefinition,
    { type: 'none' | 'timer' | 'message' | 'signal' | 'error' | 'escalation' }
  >;
  /** Meaningful in event sub-processes: false = non-interrupting. */
  interrupting: boolean;
}

export interface EndEvent extends ElementBase {
  kind: 'endEvent';
  eventDefinition: Extract<
    EventDefinition,
    { type: 'none' | 'error' | 'escalation' | 'terminate' | 'signal' | 'message' }
  >;
  /** Set for message end events: they are executed as jobs. */
  job: JobDefinition | null;
}

export interface IntermediateCatchEvent extends ElementBase {
  kind: 'intermediateCatchEvent';
  eventDefinition: Extract<EventDefinition, { type: 'timer' | 'message' | 'signal' | 'link' }>;
}

export interface IntermediateThrowEvent extends ElementBase {
  kind: 'intermediateThrowEvent';
  eventDefinition: Extract<EventDefinition, { type: 'none' | 'signal' | 'escalation' | 'link' | 'message' }>;
  /** Set for message throw events: they are executed as jobs. */
  job: JobDefinition | null;
  /** For link throw events: the id of the matching link catch event in the same scope. */
  linkTargetId: string | null;
}

export interface BoundaryEvent extends ElementBase {
  kind: 'boundaryEvent';
  attachedToId: string;
  /** true: interrupting (cancelActivity). */
  cancelActivity: boolean;
  eventDefinition: Extract<
    EventDefinition,
    { type: 'timer' | 'message' | 'signal' | 'error' | 'escalation' }
  >;
}

/** Service, send, business-rule and (without zeebe:script) script tasks: one job worker behaviour. */
export interface JobTask extends ActivityBase {
  kind: 'serviceTask' | 'sendTask' | 'businessRuleTask' | 'scriptTask';
  job: JobDefinition;
}

/** Script task with zeebe:script: evaluated by the engine, no job. */
export interface ScriptTask extends ActivityBase {
  kind: 'scriptTask';
  script: { expression: Expression; resultVariable: string };
}

/** zeebe:calledDecision of a business-rule task: the engine evaluates the decision, no job. */
export interface CalledDecisionDefinition {
  /** Static or FEEL. */
  decisionId: Expression;
  resultVariable: string;
  /**
   * 'latest': the newest version; 'deployment': the version deployed with this process definition
   * (DefinitionRecord.deploymentDecisions); 'versionTag': the newest version carrying `versionTag`.
   */
  bindingType: 'latest' | 'deployment' | 'versionTag';
  versionTag: string | null;
}

export interface BusinessRuleTask extends ActivityBase {
  kind: 'businessRuleTask';
  calledDecision: CalledDecisionDefinition;
}

export interface UserTaskDefinition {
  assignee: Expression | null;
  /** FEEL list or static comma-separated list. */
  candidateGroups: Expression | null;
  candidateUsers: Expression | null;
  /** ISO 8601 date-time string, static or FEEL. */
  dueDate: Expression | null;
  followUpDate: Expression | null;
  /** 0..100, default 50. */
  priority: Expression | null;
  /** zeebe:formDefinition formId (linked deployed form). */
  formId: string | null;
  /**
   * 'latest': the newest version of the form when the task is created; 'deployment': the version deployed together
   * with this process definition (DefinitionRecord.deploymentForms), so a running instance keeps its form.
   */
  formBinding: 'latest' | 'deployment';
  /** zeebe:formDefinition externalReference (static or FEEL). */
  externalReference: Expression | null;
  headers: Record<string, string>;
}

export interface UserTask extends ActivityBase {
  kind: 'userTask';
  userTask: UserTaskDefinition;
}

/** Receive task: waits for a message. */
export interface ReceiveTask extends ActivityBase {
  kind: 'receiveTask';
  message: MessageDefinition;
}

/** Manual and undefined tasks: pass-through activities. */
export interface PassThroughTask extends ActivityBase {
  kind: 'manualTask' | 'task';
}

export interface Gateway extends ElementBase {
  kind: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' | 'eventBasedGateway';
  /** Default flow of exclusive and inclusive gateways. */
  defaultFlowId: string | null;
}

/** What a process, an embedded sub-process and an event sub-process hold. */
export interface FlowScope {
  /** Ids of the direct children (flow nodes, not flows), in document order. */
  childIds: string[];
  /** The none start event of this scope (the one started on activation); null if none. */
  noneStartEventId: string | null;
  /** Event sub-processes directly in this scope. */
  eventSubProcessIds: string[];
}

export interface SubProcess extends ActivityBase, FlowScope {
  kind: 'subProcess';
}

export interface EventSubProcess extends ElementBase, FlowScope {
  kind: 'eventSubProcess';
  /** Its single start event (timer, message, signal, error or escalation). */
  startEventId: string;
  /** From the start event's isInterrupting. */
  interrupting: boolean;
}

export interface CallActivity extends ActivityBase {
  kind: 'callActivity';
  /** zeebe:calledElement processId, static or FEEL; the latest deployed version is called. */
  processId: Expression;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export type FlowElement =
  | StartEvent
  | EndEvent
  | IntermediateCatchEvent
  | IntermediateThrowEvent
  | BoundaryEvent
  | JobTask
  | ScriptTask
  | BusinessRuleTask
  | UserTask
  | ReceiveTask
  | PassThroughTask
  | Gateway
  | SubProcess
  | EventSubProcess
  | CallActivity;

export type Activity =
  | JobTask
  | ScriptTask
  | BusinessRuleTask
  | UserTask
  | ReceiveTask
  | PassThroughTask
  | SubProcess
  | CallActivity;

// ------------------------------------------------------------------------------------------- process

export interface ProcessModel extends FlowScope {
  /** bpmn:process id (bpmnProcessId). */
  id: string;
  name: string | null;
  /** zeebe:versionTag value, if any. */
  versionTag: string | null;
  /** Name of the deployed resource the process came from. */
  resourceName: string;
  /** Every flow node of the process, nested ones included, by id. */
  elements: ReadonlyMap<string, FlowElement>;
  /** Every sequence flow, nested ones included, by id. */
  flows: ReadonlyMap<string, SequenceFlow>;
  /** Top-level start events of every kind (none, timer, message, signal), in document order. */
  startEventIds: string[];
  /** Top-level timer start events: the runtime schedules them on deployment. */
  timerStartEventIds: string[];
  /** Top-level message start events: subscriptions opened on deployment. */
  messageStartEventIds: string[];
  /** Top-level signal start events. */
  signalStartEventIds: string[];
}

/** A deployed form resource (.form). */
export interface FormModel {
  formId: string;
  /** The form-js schema as JSON text, as deployed. */
  schema: string;
  resourceName: string;
}

/**
 * The element type(s) whose kind includes K. (Extract<FlowElement, { kind: K }> misses types whose kind is a union,
 * such as JobTask or Gateway.)
 */
export type ElementOfKind<K extends ElementKind> = ElementsWithKind<FlowElement, K>;

type ElementsWithKind<E, K> = E extends { kind: infer EK } ? (K extends EK ? E : never) : never;

/** True for elements the runtime treats as activities (can carry boundary events, multi-instance, io mappings). */
export function isActivity(element: FlowElement): element is Activity {
  return 'boundaryEventIds' in element;
}

/** True for a job-executed script task vs. an engine-evaluated one. */
export function isJobTask(element: FlowElement): element is JobTask {
  return isActivity(element) && 'job' in element;
}
