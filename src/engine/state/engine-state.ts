/**
 * All live state of the engine: one Store per record type plus the secondary indexes the processors need.
 * Only StateWriter (and recovery, through it) changes what is here; everyone else holds it as EngineStateView.
 */
import type { DecisionRequirementsModel } from '../dmn/decision-model.js';
import type { ProcessModel } from '../model/process-model.js';
import { Store, type DirtySink } from './store.js';
import { SetIndex } from './set-index.js';
import type { EngineStateView } from './engine-state-view.js';
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

export const COLLECTIONS = {
  definitions: 'engine_definitions',
  forms: 'engine_forms',
  elements: 'engine_element_instances',
  variables: 'engine_variables',
  jobs: 'engine_jobs',
  timers: 'engine_timers',
  messageSubscriptions: 'engine_message_subscriptions',
  signalSubscriptions: 'engine_signal_subscriptions',
  messages: 'engine_messages',
  incidents: 'engine_incidents',
  userTasks: 'engine_user_tasks',
  decisionRequirements: 'engine_decision_requirements',
  decisions: 'engine_decisions',
  decisionInstances: 'engine_decision_instances',
} as const;

export class EngineState implements EngineStateView {
  readonly definitions: Store<DefinitionRecord>;
  readonly forms: Store<FormRecord>;
  readonly elements: Store<ElementInstanceRecord>;
  readonly variables: Store<VariableRecord>;
  readonly jobs: Store<JobRecord>;
  readonly timers: Store<TimerRecord>;
  readonly messageSubscriptions: Store<MessageSubscriptionRecord>;
  readonly signalSubscriptions: Store<SignalSubscriptionRecord>;
  readonly messages: Store<MessageRecord>;
  readonly incidents: Store<IncidentRecord>;
  readonly userTasks: Store<UserTaskRecord>;
  readonly decisionRequirements: Store<DecisionRequirementsRecord>;
  readonly decisions: Store<DecisionRecord>;
  readonly decisionInstances: Store<DecisionInstanceRecord>;

  readonly models = new Map<string, ProcessModel>();
  readonly versions = new Map<string, string[]>();
  readonly formVersions = new Map<string, string[]>();
  readonly decisionGraphs = new Map<string, DecisionRequirementsModel>();
  readonly decisionVersions = new Map<string, string[]>();
  readonly decisionRequirementsVersions = new Map<string, string[]>();
  readonly children = new SetIndex();
  readonly scopeVariables = new Map<string, Map<string, string>>();
  readonly activatableJobs = new SetIndex();
  readonly messageSubscriptionsByCorrelation = new SetIndex();
  readonly signalSubscriptionsByName = new SetIndex();
  readonly ownedMessageSubscriptions = new SetIndex();
  readonly ownedSignalSubscriptions = new SetIndex();
  readonly ownedTimers = new SetIndex();
  readonly bufferedMessages = new SetIndex();
  readonly messageIds = new Map<string, string>();
  readonly instanceIncidents = new SetIndex();
  readonly openUserTasksByGroup = new SetIndex();
  readonly openUserTasksByAssignee = new SetIndex();
  /** What each open task was indexed under, since tasks are changed in place before they are written. */
  readonly indexedUserTasks = new Map<string, { groups: string[]; assignee: string | null }>();
  readonly messageStartedInstances = new Map<string, string>();

  constructor(sink: DirtySink) {
    this.definitions = new Store(COLLECTIONS.definitions, sink);
    this.forms = new Store(COLLECTIONS.forms, sink);
    this.elements = new Store(COLLECTIONS.elements, sink, 50_000);
    this.variables = new Store(COLLECTIONS.variables, sink, 50_000);
    this.jobs = new Store(COLLECTIONS.jobs, sink);
    this.timers = new Store(COLLECTIONS.timers, sink);
    this.messageSubscriptions = new Store(COLLECTIONS.messageSubscriptions, sink);
    this.signalSubscriptions = new Store(COLLECTIONS.signalSubscriptions, sink);
    this.messages = new Store(COLLECTIONS.messages, sink);
    this.incidents = new Store(COLLECTIONS.incidents, sink);
    this.userTasks = new Store(COLLECTIONS.userTasks, sink);
    this.decisionRequirements = new Store(COLLECTIONS.decisionRequirements, sink);
    this.decisions = new Store(COLLECTIONS.decisions, sink);
    this.decisionInstances = new Store(COLLECTIONS.decisionInstances, sink, 1_000);
  }

  childrenOf(scopeKey: string): ElementInstanceRecord[] {
    const result: ElementInstanceRecord[] = [];
    for (const key of this.children.get(scopeKey)) {
      const child = this.elements.get(key);
      if (child) result.push(child);
    }
    return result;
  }

  variableKey(scopeKey: string, name: string): string | undefined {
    return this.scopeVariables.get(scopeKey)?.get(name);
  }

  latestDefinition(bpmnProcessId: string): DefinitionRecord | undefined {
    const keys = this.versions.get(bpmnProcessId);
    for (let index = (keys?.length ?? 0) - 1; index >= 0; index -= 1) {
      const record = this.definitions.get(keys![index]!);
      if (record && !record.deleted) return record;
    }
    return undefined;
  }

  latestDecision(decisionId: string): DecisionRecord | undefined {
    return latestOf(this.decisionVersions.get(decisionId), this.decisions);
  }

  latestDecisionRequirements(decisionRequirementsId: string): DecisionRequirementsRecord | undefined {
    return latestOf(this.decisionRequirementsVersions.get(decisionRequirementsId), this.decisionRequirements);
  }

  latestForm(formId: string): FormRecord | undefined {
    const keys = this.formVersions.get(formId);
    const last = keys?.[keys.length - 1];
    return last ? this.forms.get(last) : undefined;
  }
}

function latestOf<T extends { key: string }>(
  keys: readonly string[] | undefined,
  store: Store<T>,
): T | undefined {
  const last = keys?.[keys.length - 1];
  return last ? store.get(last) : undefined;
}
