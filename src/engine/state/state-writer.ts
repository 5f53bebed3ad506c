/**
 * The one writer of engine state. Every insert, update, retirement and deletion of a record goes through here, and
 * each keeps that record's secondary indexes in step, so no caller pairs a store write with an index update.
 *
 * Records are still changed in place by their owner before being written (the Store serialises them lazily at
 * commit); writing is what makes the change durable and re-indexed.
 */
import type { DecisionRequirementsModel } from '../dmn/decision-model.js';
import type { ProcessModel } from '../model/process-model.js';
import { correlationId, messageStartKey } from './engine-state-view.js';
import type { EngineState } from './engine-state.js';
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

export class StateWriter {
  constructor(private readonly state: EngineState) {}

  // ------------------------------------------------------------------------------------ definitions

  addDefinition(record: DefinitionRecord, model: ProcessModel): void {
    this.state.definitions.put(record);
    this.indexDefinition(record, model);
  }

  updateDefinition(record: DefinitionRecord): void {
    this.state.definitions.put(record);
  }

  /** Recovery: a loaded definition whose model was parsed again. */
  restoreDefinition(record: DefinitionRecord, model: ProcessModel): void {
    this.indexDefinition(record, model);
  }

  addForm(record: FormRecord): void {
    this.state.forms.put(record);
    this.indexForm(record);
  }

  deleteForm(record: FormRecord): void {
    this.state.forms.delete(record.key);
    const keys = this.state.formVersions.get(record.formId) ?? [];
    this.state.formVersions.set(
      record.formId,
      keys.filter((key) => key !== record.key),
    );
  }

  // -------------------------------------------------------------------------------------- decisions

  addDecisionRequirements(record: DecisionRequirementsRecord, model: DecisionRequirementsModel): void {
    this.state.decisionRequirements.put(record);
    this.indexDecisionRequirements(record, model);
  }

  /** Recovery: a loaded decision requirements graph whose model was parsed again. */
  restoreDecisionRequirements(record: DecisionRequirementsRecord, model: DecisionRequirementsModel): void {
    this.indexDecisionRequirements(record, model);
  }

  addDecision(record: DecisionRecord): void {
    this.state.decisions.put(record);
    this.indexDecision(record);
  }

  /** Resource deletion: the graph and its decisions leave the version lookups. */
  deleteDecisionRequirements(record: DecisionRequirementsRecord): void {
    for (const decision of [...this.state.decisions.values()]) {
      if (decision.decisionRequirementsKey !== record.key) continue;
      this.state.decisions.delete(decision.key);
      withoutKey(this.state.decisionVersions, decision.decisionId, decision.key);
    }
    this.state.decisionRequirements.delete(record.key);
    this.state.decisionGraphs.delete(record.key);
    withoutKey(this.state.decisionRequirementsVersions, record.decisionRequirementsId, record.key);
  }

  /** A decision instance is final when written: straight to its history collection. */
  recordDecisionInstance(record: DecisionInstanceRecord): void {
    this.state.decisionInstances.retire(record);
  }

  // ------------------------------------------------------------------------------ element instances

  addElement(record: ElementInstanceRecord): void {
    this.state.elements.put(record);
    this.indexElement(record);
  }

  updateElement(record: ElementInstanceRecord): void {
    this.state.elements.put(record);
  }

  /** A migrated process instance changed its process id: its message-start correlation key moves with it. */
  moveMessageStart(record: ElementInstanceRecord, previousBpmnProcessId: string): void {
    if (record.type !== 'PROCESS' || record.startCorrelationKey == null) return;
    if (previousBpmnProcessId === record.bpmnProcessId) return;
    this.state.messageStartedInstances.delete(
      messageStartKey(previousBpmnProcessId, record.startCorrelationKey),
    );
    this.indexElement(record);
  }

  /** Final state reached: leaves the live table, its scope's children and the message-start lookup. */
  retireElement(record: ElementInstanceRecord): void {
    if (record.flowScopeKey) this.state.children.remove(record.flowScopeKey, record.key);
    if (record.type === 'PROCESS' && record.startCorrelationKey != null)
      this.state.messageStartedInstances.delete(
        messageStartKey(record.bpmnProcessId, record.startCorrelationKey),
      );
    this.state.elements.retire(record);
  }

  // -------------------------------------------------------------------------------------- variables

  putVariable(record: VariableRecord): void {
    this.state.variables.put(record);
    this.indexVariable(record);
  }

  /** A scope ended: its variables leave memory (they stay in MongoDB and in the history). */
  retireScopeVariables(scopeKey: string): void {
    const names = this.state.scopeVariables.get(scopeKey);
    if (!names) return;
    for (const key of names.values()) {
      const record = this.state.variables.get(key);
      if (record) this.state.variables.retire(record);
    }
    this.state.scopeVariables.delete(scopeKey);
  }

  // ------------------------------------------------------------------------- jobs, timers, messages

  putJob(job: JobRecord): void {
    this.state.jobs.put(job);
    this.indexJob(job);
  }

  deleteJob(job: JobRecord): void {
    this.state.activatableJobs.remove(job.type, job.key);
    this.state.jobs.delete(job.key);
  }

  putTimer(record: TimerRecord): void {
    this.state.timers.put(record);
    this.indexTimer(record);
  }

  deleteTimer(record: TimerRecord): void {
    if (record.elementInstanceKey) this.state.ownedTimers.remove(record.elementInstanceKey, record.key);
    this.state.timers.delete(record.key);
  }

  addMessageSubscription(record: MessageSubscriptionRecord): void {
    this.state.messageSubscriptions.put(record);
    this.indexMessageSubscription(record);
  }

  deleteMessageSubscription(record: MessageSubscriptionRecord): void {
    const id = correlationId(record.messageName, record.correlationKey);
    this.state.messageSubscriptionsByCorrelation.remove(id, record.key);
    this.state.ownedMessageSubscriptions.remove(record.elementInstanceKey, record.key);
    this.state.messageSubscriptions.delete(record.key);
  }

  addSignalSubscription(record: SignalSubscriptionRecord): void {
    this.state.signalSubscriptions.put(record);
    this.indexSignalSubscription(record);
  }

  deleteSignalSubscription(record: SignalSubscriptionRecord): void {
    this.state.signalSubscriptionsByName.remove(record.signalName, record.key);
    this.state.ownedSignalSubscriptions.remove(record.elementInstanceKey, record.key);
    this.state.signalSubscriptions.delete(record.key);
  }

  putMessage(record: MessageRecord): void {
    this.state.messages.put(record);
    this.indexMessage(record);
  }

  deleteMessage(record: MessageRecord): void {
    this.state.bufferedMessages.remove(correlationId(record.name, record.correlationKey), record.key);
    if (record.messageId) this.state.messageIds.delete(correlationId(record.name, record.messageId));
    this.state.messages.delete(record.key);
  }

  // ------------------------------------------------------------------------- incidents, user tasks

  addIncident(record: IncidentRecord): void {
    this.state.incidents.put(record);
    this.state.instanceIncidents.add(record.processInstanceKey, record.key);
  }

  retireIncident(record: IncidentRecord): void {
    this.state.incidents.retire(record);
    this.state.instanceIncidents.remove(record.processInstanceKey, record.key);
  }

  putUserTask(task: UserTaskRecord): void {
    this.state.userTasks.put(task);
    this.indexUserTask(task);
  }

  retireUserTask(task: UserTaskRecord): void {
    this.state.userTasks.retire(task);
    this.indexUserTask(task);
  }

  // --------------------------------------------------------------------------------------- recovery

  /** Recovery loaded the live records into the stores without writing them: rebuild their indexes. */
  indexLoaded(): void {
    for (const form of this.state.forms.values()) this.indexForm(form);
    for (const decision of this.state.decisions.values()) this.indexDecision(decision);
    for (const element of this.state.elements.values()) this.indexElement(element);
    for (const variable of this.state.variables.values()) this.indexVariable(variable);
    for (const job of this.state.jobs.values()) this.indexJob(job);
    for (const timer of this.state.timers.values()) this.indexTimer(timer);
    for (const record of this.state.messageSubscriptions.values()) this.indexMessageSubscription(record);
    for (const record of this.state.signalSubscriptions.values()) this.indexSignalSubscription(record);
    for (const message of this.state.messages.values()) this.indexMessage(message);
    for (const incident of this.state.incidents.values())
      this.state.instanceIncidents.add(incident.processInstanceKey, incident.key);
    for (const task of this.state.userTasks.values()) this.indexUserTask(task);
  }

  // ---------------------------------------------------------------------------------------- indexes

  private indexDefinition(record: DefinitionRecord, model: ProcessModel): void {
    this.state.models.set(record.key, model);
    const keys = this.state.versions.get(record.bpmnProcessId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort((a, b) => this.state.definitions.get(a)!.version - this.state.definitions.get(b)!.version);
    this.state.versions.set(record.bpmnProcessId, keys);
  }

  private indexForm(record: FormRecord): void {
    const keys = this.state.formVersions.get(record.formId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort((a, b) => this.state.forms.get(a)!.version - this.state.forms.get(b)!.version);
    this.state.formVersions.set(record.formId, keys);
  }

  private indexDecisionRequirements(
    record: DecisionRequirementsRecord,
    model: DecisionRequirementsModel,
  ): void {
    this.state.decisionGraphs.set(record.key, model);
    const keys = this.state.decisionRequirementsVersions.get(record.decisionRequirementsId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort(
      (a, b) =>
        this.state.decisionRequirements.get(a)!.version - this.state.decisionRequirements.get(b)!.version,
    );
    this.state.decisionRequirementsVersions.set(record.decisionRequirementsId, keys);
  }

  private indexDecision(record: DecisionRecord): void {
    const keys = this.state.decisionVersions.get(record.decisionId) ?? [];
    if (!keys.includes(record.key)) keys.push(record.key);
    keys.sort((a, b) => this.state.decisions.get(a)!.version - this.state.decisions.get(b)!.version);
    this.state.decisionVersions.set(record.decisionId, keys);
  }

  private indexElement(record: ElementInstanceRecord): void {
    if (record.flowScopeKey) this.state.children.add(record.flowScopeKey, record.key);
    if (record.type === 'PROCESS' && record.startCorrelationKey != null)
      this.state.messageStartedInstances.set(
        messageStartKey(record.bpmnProcessId, record.startCorrelationKey),
        record.key,
      );
  }

  private indexVariable(record: VariableRecord): void {
    let names = this.state.scopeVariables.get(record.scopeKey);
    if (!names) this.state.scopeVariables.set(record.scopeKey, (names = new Map()));
    names.set(record.name, record.key);
  }

  private indexJob(job: JobRecord): void {
    if (job.state === 'ACTIVATABLE') this.state.activatableJobs.add(job.type, job.key);
    else this.state.activatableJobs.remove(job.type, job.key);
  }

  private indexTimer(record: TimerRecord): void {
    if (record.elementInstanceKey) this.state.ownedTimers.add(record.elementInstanceKey, record.key);
  }

  private indexMessageSubscription(record: MessageSubscriptionRecord): void {
    const id = correlationId(record.messageName, record.correlationKey);
    this.state.messageSubscriptionsByCorrelation.add(id, record.key);
    this.state.ownedMessageSubscriptions.add(record.elementInstanceKey, record.key);
  }

  private indexSignalSubscription(record: SignalSubscriptionRecord): void {
    this.state.signalSubscriptionsByName.add(record.signalName, record.key);
    this.state.ownedSignalSubscriptions.add(record.elementInstanceKey, record.key);
  }

  private indexMessage(record: MessageRecord): void {
    this.state.bufferedMessages.add(correlationId(record.name, record.correlationKey), record.key);
    if (record.messageId) this.state.messageIds.set(correlationId(record.name, record.messageId), record.key);
  }

  /** Keeps the open-task indexes (by candidate group, by assignee) in step with a task, whatever changed in it. */
  private indexUserTask(task: UserTaskRecord): void {
    const before = this.state.indexedUserTasks.get(task.key);
    if (before) {
      for (const group of before.groups) this.state.openUserTasksByGroup.remove(group, task.key);
      if (before.assignee !== null) this.state.openUserTasksByAssignee.remove(before.assignee, task.key);
      this.state.indexedUserTasks.delete(task.key);
    }
    if (task.state !== 'CREATED') return;
    for (const group of task.candidateGroups) this.state.openUserTasksByGroup.add(group, task.key);
    if (task.assignee !== null) this.state.openUserTasksByAssignee.add(task.assignee, task.key);
    this.state.indexedUserTasks.set(task.key, { groups: [...task.candidateGroups], assignee: task.assignee });
  }
}

function withoutKey(index: Map<string, string[]>, id: string, key: string): void {
  const keys = (index.get(id) ?? []).filter((each) => each !== key);
  if (keys.length > 0) index.set(id, keys);
  else index.delete(id);
}
