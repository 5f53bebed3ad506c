/** The checks of a process instance migration against Zeebe 8.8's rules (see migrate-instance.commands.ts). */
import { EngineError } from '../../engine-api.js';
import type { FlowElement, ProcessModel } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { SubscriptionTarget } from '../behavior/subscription.behavior.js';

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
export type CatchEventFate = { keep: true; targetElementId: string } | { keep: false };

/** The checks of one migration: the source and target models and the mapping between them. */
export class MigrationPlan {
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
