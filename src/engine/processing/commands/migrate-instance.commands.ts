/**
 * Process instance migration as Zeebe 8.8 defines it: every active element instance moves, by a mapping
 * instruction, to an element of the same type in the target process definition, in the same flow scope. What an
 * element owns moves with it and keeps its identity: its job (still activated, same worker and deadline), its user
 * task (same assignee), its timers (same due date) and its message and signal subscriptions. Catch events of a
 * boundary or an event sub-process are carried over when mapped; unmapped ones are closed, and the target's own
 * catch events are opened. Anything that cannot be migrated refuses the whole command, naming the reason, before
 * any change.
 */
import { EngineError, type MigrateInstanceCommand } from '../../engine-api.js';
import type { ProcessModel } from '../../model/process-model.js';
import { messageStartKey, type EngineStateView } from '../../state/engine-state-view.js';
import type { DefinitionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { SubscriptionBehavior, SubscriptionTarget } from '../behavior/subscription.behavior.js';
import type { TransitionBehavior } from '../behavior/transition.behavior.js';
import { MigrationPlan, type CatchEventFate } from './migration-plan.js';

interface MigratingElement {
  instance: ElementInstanceRecord;
  /** The element of the target definition it becomes (the target process for the root). */
  targetElementId: string;
  /** Catch events this element owns, source id → fate. */
  catchEvents: Map<string, CatchEventFate>;
  /** Catch events of the target element to open because none was carried over to them. */
  toOpen: SubscriptionTarget[];
}

export class MigrateInstanceCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly transitions: TransitionBehavior,
  ) {}

  migrate(command: MigrateInstanceCommand): void {
    const root = this.state.elements.get(command.processInstanceKey);
    if (!root || root.type !== 'PROCESS')
      throw new EngineError(
        'NOT_FOUND',
        `Expected to migrate process instance but no process instance found with key '${command.processInstanceKey}'`,
      );
    const definition = this.state.definitions.get(command.targetProcessDefinitionKey);
    const target = this.state.models.get(command.targetProcessDefinitionKey);
    if (!definition || definition.deleted || !target || definition.tenantId !== root.tenantId)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to migrate process instance to process definition but no process definition found with key '${command.targetProcessDefinitionKey}'`,
      );
    const source = this.modelOf(root);
    const mapping = this.mappingOf(command, source, target);
    const plan = new MigrationPlan(root.key, source, target, mapping);
    this.requireNoMessageStartConflict(root, definition);
    const migrating = this.planElements(plan, root);
    const opened = this.openTargetCatchEvents(migrating, definition);
    for (const element of migrating) this.apply(element, definition, opened);
  }

  private modelOf(instance: ElementInstanceRecord): ProcessModel {
    const model = this.state.models.get(instance.processDefinitionKey);
    if (!model) throw new Error(`no model for definition ${instance.processDefinitionKey}`);
    return model;
  }

  /** Source element id → target element id, each referring to an element that exists. */
  private mappingOf(
    command: MigrateInstanceCommand,
    source: ProcessModel,
    target: ProcessModel,
  ): Map<string, string> {
    const mapping = new Map<string, string>();
    const duplicates = new Set<string>();
    for (const { sourceElementId, targetElementId } of command.mappingInstructions) {
      if (mapping.has(sourceElementId)) duplicates.add(sourceElementId);
      mapping.set(sourceElementId, targetElementId);
    }
    const key = command.processInstanceKey;
    if (duplicates.size > 0)
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but the mapping instructions contain duplicate source element ids '${[...duplicates].join("', '")}'.`,
      );
    for (const [sourceId, targetId] of mapping) {
      if (!source.elements.has(sourceId))
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing source element id '${sourceId}'. Elements provided in mapping instructions must exist in the source process definition.`,
        );
      if (!target.elements.has(targetId))
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing target element id '${targetId}'. Elements provided in mapping instructions must exist in the target process definition.`,
        );
    }
    return mapping;
  }

  /** Zeebe allows one active instance per message-start correlation key and process id: a new id must keep it so. */
  private requireNoMessageStartConflict(root: ElementInstanceRecord, definition: DefinitionRecord): void {
    const correlationKey = root.startCorrelationKey;
    if (correlationKey == null || root.bpmnProcessId === definition.bpmnProcessId) return;
    const active = this.state.messageStartedInstances.get(
      messageStartKey(definition.bpmnProcessId, correlationKey),
    );
    if (active)
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to migrate process instance '${root.key}' but target process definition '${definition.key}' has an active instance triggered by a message start event with correlation key '${correlationKey}'. Only one instance per correlation key is allowed for message start events.`,
      );
  }

  /** Checks every live element instance of the process instance against the plan; the root comes first. */
  private planElements(plan: MigrationPlan, root: ElementInstanceRecord): MigratingElement[] {
    const migrating: MigratingElement[] = [];
    const visit = (instance: ElementInstanceRecord, scopeTargetId: string | null) => {
      const targetElementId = instance.type === 'PROCESS' ? plan.target.id : plan.checkElement(instance);
      if (instance.type !== 'PROCESS') plan.checkFlowScope(instance, targetElementId, scopeTargetId);
      plan.checkNoWaitingJoin(instance);
      const { catchEvents, carriedTo } = this.planCatchEvents(plan, instance, targetElementId);
      const toOpen = plan
        .catchEventsOf(targetElementId, instance)
        .filter((event) => !carriedTo.has(event.id));
      migrating.push({ instance, targetElementId, catchEvents, toOpen });
      const childScope = instance.type === 'PROCESS' ? null : targetElementId;
      for (const child of this.state.childrenOf(instance.key)) visit(child, childScope);
    };
    visit(root, null);
    return migrating;
  }

  private planCatchEvents(
    plan: MigrationPlan,
    owner: ElementInstanceRecord,
    ownerTargetId: string,
  ): { catchEvents: Map<string, CatchEventFate>; carriedTo: Set<string> } {
    const sourceIds = new Set<string>();
    for (const key of this.state.ownedTimers.list(owner.key)) {
      const timer = this.state.timers.get(key);
      if (timer) sourceIds.add(timer.targetElementId);
    }
    for (const key of this.state.ownedMessageSubscriptions.list(owner.key)) {
      const subscription = this.state.messageSubscriptions.get(key);
      if (subscription) sourceIds.add(subscription.targetElementId);
    }
    for (const key of this.state.ownedSignalSubscriptions.list(owner.key)) {
      const subscription = this.state.signalSubscriptions.get(key);
      if (subscription) sourceIds.add(subscription.targetElementId);
    }
    const catchEvents = new Map<string, CatchEventFate>();
    const carriedTo = new Set<string>();
    for (const sourceId of sourceIds) {
      const fate = plan.catchEventFate(owner, ownerTargetId, sourceId);
      catchEvents.set(sourceId, fate);
      if (fate.keep) carriedTo.add(fate.targetElementId);
    }
    return { catchEvents, carriedTo };
  }

  /**
   * Opens the target's new catch events first: they evaluate expressions (message names, correlation keys, timer
   * values) that may fail, and a failure must refuse the migration before anything moved.
   */
  private openTargetCatchEvents(
    migrating: MigratingElement[],
    definition: DefinitionRecord,
  ): ReadonlySet<string> {
    const opened: { owner: string; keys: string[] }[] = [];
    for (const element of migrating) {
      if (element.toOpen.length === 0) continue;
      const owner = { ...element.instance, ...this.identity(definition), elementId: element.targetElementId };
      const result = this.subscriptions.openAll(owner, element.toOpen);
      if (result.ok) {
        opened.push({ owner: owner.key, keys: result.keys });
        continue;
      }
      for (const each of opened) this.subscriptions.discard(each.keys);
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to migrate process instance '${element.instance.processInstanceKey}' but the catch events of target element '${element.targetElementId}' could not be subscribed to: ${result.message}`,
      );
    }
    return new Set(opened.flatMap((each) => each.keys));
  }

  private identity(definition: DefinitionRecord) {
    return {
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
    };
  }

  /** `opened`: the target's catch events just opened, already right, left alone. */
  private apply(element: MigratingElement, definition: DefinitionRecord, opened: ReadonlySet<string>): void {
    const { instance, targetElementId, catchEvents } = element;
    const { state, writer } = this;
    const previousProcessId = instance.bpmnProcessId;
    Object.assign(instance, this.identity(definition), {
      elementId: instance.type === 'PROCESS' ? definition.bpmnProcessId : targetElementId,
    });
    writer.updateElement(instance);
    if (instance.type === 'PROCESS') writer.moveMessageStart(instance, previousProcessId);
    if (instance.type !== 'PROCESS') this.transitions.record(instance, 'ELEMENT_MIGRATED');

    const job = instance.jobKey ? state.jobs.get(instance.jobKey) : undefined;
    if (job) {
      Object.assign(job, this.identity(definition), { elementId: targetElementId });
      writer.putJob(job);
    }
    const task = instance.userTaskKey ? state.userTasks.get(instance.userTaskKey) : undefined;
    if (task) {
      Object.assign(task, {
        elementId: targetElementId,
        processDefinitionId: definition.bpmnProcessId,
        processDefinitionKey: definition.key,
        processDefinitionVersion: definition.version,
      });
      writer.putUserTask(task);
    }
    for (const key of state.instanceIncidents.list(instance.processInstanceKey)) {
      const incident = state.incidents.get(key);
      if (!incident || incident.elementInstanceKey !== instance.key) continue;
      Object.assign(incident, {
        elementId: instance.elementId,
        processDefinitionKey: definition.key,
        bpmnProcessId: definition.bpmnProcessId,
      });
      writer.addIncident(incident);
    }
    this.moveCatchEvents(instance.key, catchEvents, definition, opened);
  }

  /** Whether the target catch event interrupts: a boundary's cancelActivity, an event sub-process start's flag. */
  private interrupts(definitionKey: string, targetElementId: string, before: boolean): boolean {
    const elements = this.state.models.get(definitionKey)?.elements;
    const target = elements?.get(targetElementId);
    if (target?.kind === 'boundaryEvent') return target.cancelActivity;
    const sub = target?.parentId ? elements?.get(target.parentId) : undefined;
    if (target?.kind === 'startEvent' && sub?.kind === 'eventSubProcess') return sub.interrupting;
    return before;
  }

  private moveCatchEvents(
    ownerKey: string,
    catchEvents: Map<string, CatchEventFate>,
    definition: DefinitionRecord,
    opened: ReadonlySet<string>,
  ): void {
    const { state, writer } = this;
    const fateOf = (sourceId: string) => catchEvents.get(sourceId) ?? { keep: false };
    const owned = (index: { list(key: string): string[] }) =>
      index.list(ownerKey).filter((key) => !opened.has(key));
    for (const key of owned(state.ownedTimers)) {
      const timer = state.timers.get(key);
      if (!timer) continue;
      const fate = fateOf(timer.targetElementId);
      if (!fate.keep) {
        this.subscriptions.removeTimer(timer);
        continue;
      }
      Object.assign(timer, { processDefinitionKey: definition.key, targetElementId: fate.targetElementId });
      writer.putTimer(timer);
    }
    for (const key of owned(state.ownedMessageSubscriptions)) {
      const subscription = state.messageSubscriptions.get(key);
      if (!subscription) continue;
      const fate = fateOf(subscription.targetElementId);
      if (!fate.keep) {
        writer.deleteMessageSubscription(subscription);
        continue;
      }
      Object.assign(subscription, {
        processDefinitionKey: definition.key,
        bpmnProcessId: definition.bpmnProcessId,
        targetElementId: fate.targetElementId,
        interrupting: this.interrupts(definition.key, fate.targetElementId, subscription.interrupting),
      });
      writer.addMessageSubscription(subscription);
    }
    for (const key of owned(state.ownedSignalSubscriptions)) {
      const subscription = state.signalSubscriptions.get(key);
      if (!subscription) continue;
      const fate = fateOf(subscription.targetElementId);
      if (!fate.keep) {
        writer.deleteSignalSubscription(subscription);
        continue;
      }
      Object.assign(subscription, {
        processDefinitionKey: definition.key,
        targetElementId: fate.targetElementId,
      });
      writer.addSignalSubscription(subscription);
    }
  }
}
