/**
 * Engine state as processors, behaviours, commands and queries see it: read-only. Every change goes through
 * StateWriter, which keeps the secondary indexes below in step with the records (Zeebe's split: processors read
 * state, one writer changes it).
 */
import type { DecisionRequirementsModel } from '../dmn/decision-model.js';
import type { ProcessModel } from '../model/process-model.js';
import type { ReadonlySetIndex } from './set-index.js';
import type { ReadonlyStore } from './store.js';
import type {
  DecisionInstanceRecord,
  DecisionRecord,
  DecisionRequirementsRecord,
  DefinitionRecord,
  ElementInstanceRecord,
  FormRecord,
  IncidentRecord,
  JobRecord,
  MessageRecord,
  MessageSubscriptionRecord,
  SignalSubscriptionRecord,
  TimerRecord,
  UserTaskRecord,
  VariableRecord,
} from './records.js';

export interface EngineStateView {
  readonly definitions: ReadonlyStore<DefinitionRecord>;
  readonly forms: ReadonlyStore<FormRecord>;
  readonly elements: ReadonlyStore<ElementInstanceRecord>;
  readonly variables: ReadonlyStore<VariableRecord>;
  readonly jobs: ReadonlyStore<JobRecord>;
  readonly timers: ReadonlyStore<TimerRecord>;
  readonly messageSubscriptions: ReadonlyStore<MessageSubscriptionRecord>;
  readonly signalSubscriptions: ReadonlyStore<SignalSubscriptionRecord>;
  readonly messages: ReadonlyStore<MessageRecord>;
  readonly incidents: ReadonlyStore<IncidentRecord>;
  readonly userTasks: ReadonlyStore<UserTaskRecord>;
  readonly decisionRequirements: ReadonlyStore<DecisionRequirementsRecord>;
  readonly decisions: ReadonlyStore<DecisionRecord>;
  /** Written once and retired at once: searches read them from the history (and the pending ones from here). */
  readonly decisionInstances: ReadonlyStore<DecisionInstanceRecord>;

  /** Parsed models by process definition key. */
  readonly models: ReadonlyMap<string, ProcessModel>;
  /** bpmnProcessId → definition keys, ascending version. */
  readonly versions: ReadonlyMap<string, readonly string[]>;
  /** formId → form keys, ascending version. */
  readonly formVersions: ReadonlyMap<string, readonly string[]>;
  /** Parsed decision requirements graphs by decision requirements key. */
  readonly decisionGraphs: ReadonlyMap<string, DecisionRequirementsModel>;
  /** decisionId → decision keys, ascending version. */
  readonly decisionVersions: ReadonlyMap<string, readonly string[]>;
  /** decisionRequirementsId → decision requirements keys, ascending version. */
  readonly decisionRequirementsVersions: ReadonlyMap<string, readonly string[]>;
  /** flow scope key → live child element instance keys. */
  readonly children: ReadonlySetIndex;
  /** scope key → name → variable key. */
  readonly scopeVariables: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** job type → activatable job keys (FIFO). */
  readonly activatableJobs: ReadonlySetIndex;
  /** correlationId(name, correlationKey) → subscription keys. */
  readonly messageSubscriptionsByCorrelation: ReadonlySetIndex;
  readonly signalSubscriptionsByName: ReadonlySetIndex;
  /** element instance key → subscription/timer keys it owns. */
  readonly ownedMessageSubscriptions: ReadonlySetIndex;
  readonly ownedSignalSubscriptions: ReadonlySetIndex;
  readonly ownedTimers: ReadonlySetIndex;
  /** correlationId(name, correlationKey) → buffered message keys. */
  readonly bufferedMessages: ReadonlySetIndex;
  /** correlationId(name, messageId) → buffered message key. */
  readonly messageIds: ReadonlyMap<string, string>;
  /** process instance key → active incident keys. */
  readonly instanceIncidents: ReadonlySetIndex;
  /** Open (CREATED) user tasks by candidate group and by assignee: what inbox searches ask for. */
  readonly openUserTasksByGroup: ReadonlySetIndex;
  readonly openUserTasksByAssignee: ReadonlySetIndex;
  /** messageStartKey(bpmnProcessId, correlationKey) → active instance created by a message start event. */
  readonly messageStartedInstances: ReadonlyMap<string, string>;

  childrenOf(scopeKey: string): ElementInstanceRecord[];
  variableKey(scopeKey: string, name: string): string | undefined;
  latestDefinition(bpmnProcessId: string): DefinitionRecord | undefined;
  latestForm(formId: string): FormRecord | undefined;
  latestDecision(decisionId: string): DecisionRecord | undefined;
  latestDecisionRequirements(decisionRequirementsId: string): DecisionRequirementsRecord | undefined;
}

export function correlationId(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}

export function messageStartKey(bpmnProcessId: string, correlationKey: string): string {
  return `${bpmnProcessId}\u0000${correlationKey}`;
}
