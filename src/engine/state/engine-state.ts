/**
 * All live state of the engine: one Store per record type plus the secondary indexes the processors need.
 * Index maintenance lives here, next to the stores, so a record and its indexes never drift apart.
 */
import type { ProcessModel } from '../model/process-model.js';
import { Store, type DirtySink } from './store.js';
import { SetIndex } from './set-index.js';
import type {
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
} as const;

export class EngineState {
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

  /** Parsed models by process definition key. */
  readonly models = new Map<string, ProcessModel>();
  /** bpmnProcessId → definition keys, ascending version. */
  readonly versions = new Map<string, string[]>();
  /** formId → form keys, ascending version. */
  readonly formVersions = new Map<string, string[]>();

  /** flow scope key → live child element instance keys. */
  readonly children = new SetIndex();
  /** scope key → name → variable key. */
  readonly scopeVariables = new Map<string, Map<string, string>>();
  /** job type → activatable job keys (FIFO). */
  readonly activatableJobs = new SetIndex();
  /** `${name}\0${correlationKey}` → subscription keys. */
  readonly messageSubscriptionsByCorrelation = new SetIndex();
  readonly signalSubscriptionsByName = new SetIndex();
  /** element instance key → subscription/timer keys it owns. */
  readonly ownedMessageSubscriptions = new SetIndex();
  readonly ownedSignalSubscriptions = new SetIndex();
  readonly ownedTimers = new SetIndex();
  /** `${name}\0${correlationKey}` → buffered message keys. */
  readonly bufferedMessages = new SetIndex();
  readonly messageIds = new Map<string, string>();
  /** process instance key → active incident keys. */
  readonly instanceIncidents = new SetIndex();
  /** Open (CREATED) user tasks by candidate group and by assignee: what inbox searches ask for. */
  readonly openUserTasksByGroup = new SetIndex();
  readonly openUserTasksByAssignee = new SetIndex();
  /** What each open task was indexed under, since tasks are changed in place before they are put. */
  private readonly indexedUserTasks = new Map<string, { groups: string[]; assignee: string | null }>();
  /** bpmnProcessId → `${correlationKey}` → active instance created by a message start event. */
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
  }

  // ------------------------------------------------------------------------------ element instances

  addElement(record: ElementInstanceRecord): void {
    this.elements.put(record);
    if (record.flowScopeKey) this.children.add(record.flowScopeKey, record.key);
  }

  /** Final state reached: leaves the live table and its scope's children. */
  retireElement(record: ElementInstanceRecord): void {
    if (record.flowScopeKey) this.children.remove(record.flowScopeKey, record.key);
    this.elements.retire(record);
  }

  childrenOf(scopeKey: string): ElementInstanceRecord[] {
    const result: ElementInstanceRecord[] = [];
    for (const key of this.children.get(scopeKey)) {
      const child = this.elements.get(key);
      if (child) result.push(child);
    }
    return result;
  }

  // -------------------------------------------------------------------------------------- variables

  variableKey(scopeKey: string, name: string): string | undefined {
    return this.scopeVariables.get(scopeKey)?.get(name);
  }

  indexVariable(record: VariableRecord): void {
    let names = this.scopeVariables.get(record.scopeKey);
    if (!names) this.scopeVariables.set(record.scopeKey, (names = new Map()));
    names.set(record.name, record.key);
  }

  /** A scope ended: its variables leave memory (they stay in MongoDB and in the history). */
  retireScopeVariables(scopeKey: string): void {
    const names = this.scopeVariables.get(scopeKey);
    if (!names) return;
    for (const key of names.values()) {
      const record = this.variables.get(key);
      if (record) this.variables.retire(record);
    }
    this.scopeVariables.delete(scopeKey);
  }

  // ------------------------------------------------------------------------------------ definitions

  latestDefinition(bpmnProcessId: string): DefinitionRecord | undefined {
    const keys = this.versions.get(bpmnProcessId);
    for (let index = (keys?.length ?? 0) - 1; index >= 0; index -= 1) {
      const record = this.definitions.get(keys![index]!);
      if (record && !record.deleted) return record;
    }
    return undefined;
  }

  indexDefinition(record: DefinitionRecord, model: ProcessModel): void {
    this.models.set(record.key, model);
    const keys = this.versions.get(record.bpmnProcessId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort((a, b) => this.definitions.get(a)!.version - this.definitions.get(b)!.version);
    this.versions.set(record.bpmnProcessId, keys);
  }

  latestForm(formId: string): FormRecord | undefined {
    const keys = this.formVersions.get(formId);
    const last = keys?.[keys.length - 1];
    return last ? this.forms.get(last) : undefined;
  }

  indexForm(record: FormRecord): void {
    const keys = this.formVersions.get(record.formId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort((a, b) => this.forms.get(a)!.version - this.forms.get(b)!.version);
    this.formVersions.set(record.formId, keys);
  }

  // ------------------------------------------------------------------------- jobs and subscriptions

  // ------------------------------------------------------------------------- user tasks

  /** Keeps the open-task indexes (by candidate group, by assignee) in step with a task, whatever changed in it. */
  indexUserTask(task: UserTaskRecord): void {
    const before = this.indexedUserTasks.get(task.key);
    if (before) {
      for (const group of before.groups) this.openUserTasksByGroup.remove(group, task.key);
      if (before.assignee !== null) this.openUserTasksByAssignee.remove(before.assignee, task.key);
      this.indexedUserTasks.delete(task.key);
    }
    if (task.state !== 'CREATED') return;
    for (const group of task.candidateGroups) this.openUserTasksByGroup.add(group, task.key);
    if (task.assignee !== null) this.openUserTasksByAssignee.add(task.assignee, task.key);
    this.indexedUserTasks.set(task.key, { groups: [...task.candidateGroups], assignee: task.assignee });
  }

  indexJob(job: JobRecord): void {
    if (job.state === 'ACTIVATABLE') this.activatableJobs.add(job.type, job.key);
    else this.activatableJobs.remove(job.type, job.key);
  }

  indexMessageSubscription(record: MessageSubscriptionRecord): void {
    this.messageSubscriptionsByCorrelation.add(
      correlationId(record.messageName, record.correlationKey),
      record.key,
    );
    this.ownedMessageSubscriptions.add(record.elementInstanceKey, record.key);
  }

  unindexMessageSubscription(record: MessageSubscriptionRecord): void {
    this.messageSubscriptionsByCorrelation.remove(
      correlationId(record.messageName, record.correlationKey),
      record.key,
    );
    this.ownedMessageSubscriptions.remove(record.elementInstanceKey, record.key);
  }

  indexSignalSubscription(record: SignalSubscriptionRecord): void {
    this.signalSubscriptionsByName.add(record.signalName, record.key);
    this.ownedSignalSubscriptions.add(record.elementInstanceKey, record.key);
  }

  unindexSignalSubscription(record: SignalSubscriptionRecord): void {
    this.signalSubscriptionsByName.remove(record.signalName, record.key);
    this.ownedSignalSubscriptions.remove(record.elementInstanceKey, record.key);
  }

  indexMessage(record: MessageRecord): void {
    this.bufferedMessages.add(correlationId(record.name, record.correlationKey), record.key);
    if (record.messageId) this.messageIds.set(correlationId(record.name, record.messageId), record.key);
  }

  unindexMessage(record: MessageRecord): void {
    this.bufferedMessages.remove(correlationId(record.name, record.correlationKey), record.key);
    if (record.messageId) this.messageIds.delete(correlationId(record.name, record.messageId));
  }

  indexTimer(record: TimerRecord): void {
    if (record.elementInstanceKey) this.ownedTimers.add(record.elementInstanceKey, record.key);
  }

  unindexTimer(record: TimerRecord): void {
    if (record.elementInstanceKey) this.ownedTimers.remove(record.elementInstanceKey, record.key);
  }
}

export function correlationId(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}
