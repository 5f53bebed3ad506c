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
import type { FlowElement, ProcessModel } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { DefinitionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { SubscriptionBehavior, SubscriptionTarget } from '../behavior/subscription.behavior.js';
import type { TransitionBehavior } from '../behavior/transition.behavior.js';

/** The element types whose active instances can be migrated (transient ones never wait, so are never mapped). */
const MIGRATABLE_TYPES = new Set([
  'SERVICE_TASK',
  'SEND_TASK',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
  'USER_TASK',
  'RECEIVE_TASK',
  'SUB_PROCESS',
  'CALL_ACTIVITY',
  'INTERMEDIATE_CATCH_EVENT',
  'EVENT_BASED_GATEWAY',
]);

/** Where one owned subscription or timer goes: kept under a new target element, or closed. */
type CatchEventFate = { keep: true; targetElementId: string } | { keep: false };

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
      `${definition.bpmnProcessId}\u0000${correlationKey}`,
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

/** The checks of one migration: the source and target models and the mapping between them. */
class MigrationPlan {
  constructor(
    private readonly processInstanceKey: string,
    readonly source: ProcessModel,
    readonly target: ProcessModel,
    private readonly mapping: ReadonlyMap<string, string>,
  ) {}

  private refuse(reason: string): never {
    throw new EngineError(
      'FAILED_PRECONDITION',
      `Expected to migrate process instance '${this.processInstanceKey}' but ${reason}`,
    );
  }

  /** The target of an active element: mapped, migratable, and of the same type. */
  checkElement(instance: ElementInstanceRecord): string {
    if (instance.type === 'MULTI_INSTANCE_BODY')
      this.refuse(
        `active element with id '${instance.elementId}' is a multi-instance activity. The migration of a multi-instance activity is not supported by this engine.`,
      );
    if (!MIGRATABLE_TYPES.has(instance.type))
      this.refuse(
        `active element with id '${instance.elementId}' has an unsupported type. The migration of a ${instance.type} is not supported.`,
      );
    const targetId = this.mapping.get(instance.elementId);
    if (targetId === undefined)
      this.refuse(
        `no mapping instruction defined for active element with id '${instance.elementId}'. Elements cannot be migrated without a mapping.`,
      );
    const sourceElement = this.source.elements.get(instance.elementId)!;
    const targetElement = this.target.elements.get(targetId)!;
    if (sourceElement.bpmnElementType !== targetElement.bpmnElementType)
      this.refuse(
        `active element with id '${instance.elementId}' and type '${sourceElement.bpmnElementType}' is mapped to an element with id '${targetId}' and different type '${targetElement.bpmnElementType}'. Elements must be mapped to elements of the same type.`,
      );
    const sourceEvent = eventTypeOf(sourceElement);
    const targetEvent = eventTypeOf(targetElement);
    if (sourceEvent !== targetEvent)
      this.refuse(
        `active element with id '${instance.elementId}' and event type '${sourceEvent}' is mapped to an element with id '${targetId}' and different event type '${targetEvent}'. Elements must be mapped to elements of the same event type.`,
      );
    if (isMultiInstance(targetElement))
      this.refuse(
        `active element with id '${instance.elementId}' is mapped to the multi-instance activity '${targetId}'. An element cannot become a multi-instance activity by migration.`,
      );
    return targetId;
  }

  checkFlowScope(instance: ElementInstanceRecord, targetId: string, scopeTargetId: string | null): void {
    const actual = this.target.elements.get(targetId)!.parentId;
    if (actual !== scopeTargetId)
      this.refuse(
        `the flow scope of active element with id '${instance.elementId}' is changed. The flow scope of the active element is expected to be '${scopeTargetId ?? this.target.id}' but was '${actual ?? this.target.id}'. The flow scope of an element cannot be changed during migration yet.`,
      );
  }

  /** Tokens waiting at a joining gateway are sequence flows of the source: they cannot be mapped yet. */
  checkNoWaitingJoin(instance: ElementInstanceRecord): void {
    if (instance.joinTokens?.length)
      this.refuse(
        `the scope '${instance.elementId}' has tokens waiting at a joining gateway (sequence flows '${instance.joinTokens.join("', '")}'). Migrating waiting joins is not supported by this engine.`,
      );
  }

  /** A catch event of an owner: its own (intermediate catch, receive task), a boundary, an event sub-process start or an event-based gateway's. */
  catchEventFate(owner: ElementInstanceRecord, ownerTargetId: string, sourceId: string): CatchEventFate {
    if (owner.type !== 'PROCESS' && sourceId === owner.elementId)
      return { keep: true, targetElementId: ownerTargetId };
    const sourceEvent = this.source.elements.get(sourceId);
    const mapped = this.mapping.get(sourceId);
    if (owner.type === 'EVENT_BASED_GATEWAY') {
      const targetId = mapped ?? (this.target.elements.has(sourceId) ? sourceId : undefined);
      const targetGateway = this.target.elements.get(ownerTargetId)!;
      if (!targetId || !targetGateway.outgoing.some((flow) => flow.targetId === targetId))
        this.refuse(
          `the catch event '${sourceId}' of the active event-based gateway '${owner.elementId}' has no counterpart after the target gateway '${ownerTargetId}'. Map it to a catch event that follows the target gateway.`,
        );
      return { keep: true, targetElementId: targetId };
    }
    if (mapped === undefined || !sourceEvent) return { keep: false };
    const targetEvent = this.target.elements.get(mapped)!;
    const expectedScope = owner.type === 'PROCESS' ? null : ownerTargetId;
    const belongs =
      targetEvent.kind === 'boundaryEvent'
        ? targetEvent.attachedToId === ownerTargetId
        : this.eventSubProcessScope(targetEvent) === expectedScope;
    if (!belongs || sourceEvent.kind !== targetEvent.kind)
      this.refuse(
        `the catch event '${sourceId}' of active element '${owner.elementId}' is mapped to '${mapped}', which is not a catch event of the same kind on target element '${ownerTargetId}'.`,
      );
    if (eventTypeOf(sourceEvent) !== eventTypeOf(targetEvent))
      this.refuse(
        `the catch event '${sourceId}' with event type '${eventTypeOf(sourceEvent)}' is mapped to '${mapped}' with different event type '${eventTypeOf(targetEvent)}'. Catch events must be mapped to catch events of the same event type.`,
      );
    return { keep: true, targetElementId: mapped };
  }

  /** The flow scope (element id, null for the process) whose event sub-process starts with this event, if any. */
  private eventSubProcessScope(event: FlowElement): string | null | undefined {
    if (event.kind !== 'startEvent' || !event.parentId) return undefined;
    const sub = this.target.elements.get(event.parentId);
    return sub?.kind === 'eventSubProcess' ? sub.parentId : undefined;
  }

  /** The catch events a target element (or the target process) holds while active: boundaries and event sub-process starts. */
  catchEventsOf(targetElementId: string, instance: ElementInstanceRecord): SubscriptionTarget[] {
    const element = instance.type === 'PROCESS' ? this.target : this.target.elements.get(targetElementId)!;
    const targets: SubscriptionTarget[] = [];
    if ('boundaryEventIds' in element && instance.loopCounter === undefined) {
      for (const id of element.boundaryEventIds) {
        const boundary = this.target.elements.get(id);
        if (boundary?.kind === 'boundaryEvent' && isSubscribable(boundary.eventDefinition.type))
          targets.push({
            id,
            eventDefinition: boundary.eventDefinition,
            interrupting: boundary.cancelActivity,
          });
      }
    }
    if ('eventSubProcessIds' in element) {
      for (const id of element.eventSubProcessIds) {
        const sub = this.target.elements.get(id);
        if (sub?.kind !== 'eventSubProcess') continue;
        const start = this.target.elements.get(sub.startEventId);
        if (start?.kind === 'startEvent' && isSubscribable(start.eventDefinition.type))
          targets.push({
            id: start.id,
            eventDefinition: start.eventDefinition,
            interrupting: sub.interrupting,
          });
      }
    }
    return targets;
  }
}

/** Error and escalation catch events have no subscription: they are found when thrown. */
function isSubscribable(type: string): boolean {
  return type === 'timer' || type === 'message' || type === 'signal';
}

function eventTypeOf(element: FlowElement): string {
  return 'eventDefinition' in element ? element.eventDefinition.type : 'none';
}

function isMultiInstance(element: FlowElement): boolean {
  return 'multiInstance' in element && element.multiInstance !== null;
}
