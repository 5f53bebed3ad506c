/**
 * What happens when a subscribed event occurs (message, timer, signal) or an error/escalation is thrown:
 * the owner of the subscription decides — a boundary event interrupts or forks its activity, an event
 * sub-process start interrupts or forks its scope, an event-based gateway lets the first event win, and a
 * plain catch event or receive task completes.
 */
import type { Variables } from '../../engine-api.js';
import type { FlowElement } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ProcessingContext } from '../processing-context.js';
import { CatchFinder, type CatchResult } from './catch-finder.js';

export class EventTriggerBehavior {
  private readonly triggered = new Set<string>();
  private ctx!: ProcessingContext;
  private finder!: CatchFinder;

  constructor(private readonly state: EngineStateView) {}

  bind(ctx: ProcessingContext): void {
    this.ctx = ctx;
    this.finder = new CatchFinder(ctx);
  }

  /** A catch event activated by an event-based gateway's winning event completes at once. */
  consumeTriggered(instanceKey: string): boolean {
    return this.triggered.delete(instanceKey);
  }

  trigger(owner: ElementInstanceRecord, targetId: string, variables: Variables): boolean {
    if (owner.state !== 'ACTIVATED') return false;
    const flow = this.ctx.flow;
    const model = flow.model(owner);
    const target = model.elements.get(targetId);
    if (!target) return false;
    if (target.kind === 'boundaryEvent') {
      const scope = owner.flowScopeKey ? this.state.elements.get(owner.flowScopeKey) : undefined;
      if (!scope) return false;
      if (target.cancelActivity) flow.terminate(owner);
      flow.activate(target, scope, { eventVariables: variables });
      return true;
    }
    const eventSubProcess =
      target.kind === 'startEvent' && target.parentId ? model.elements.get(target.parentId) : undefined;
    if (eventSubProcess?.kind === 'eventSubProcess') {
      this.startEventSubProcess(owner, eventSubProcess, variables);
      return true;
    }
    if (owner.type === 'EVENT_BASED_GATEWAY') {
      const scope = owner.flowScopeKey ? this.state.elements.get(owner.flowScopeKey) : undefined;
      if (!scope) return false;
      this.ctx.subscriptions.closeAll(owner.key);
      flow.complete(owner);
      const event = flow.activate(target, scope, { eventVariables: variables });
      this.triggered.add(event.key);
      return true;
    }
    const element = flow.elementOf(owner);
    const hasOutput = 'outputMappings' in element && element.outputMappings.length > 0;
    this.ctx.variables.mergeResult(owner, hasOutput, variables);
    this.ctx.subscriptions.closeAll(owner.key);
    flow.complete(owner);
    return true;
  }

  startEventSubProcess(
    scope: ElementInstanceRecord,
    eventSubProcess: FlowElement,
    variables: Variables,
  ): void {
    if (eventSubProcess.kind !== 'eventSubProcess') return;
    if (eventSubProcess.interrupting) {
      this.ctx.subscriptions.closeAll(scope.key);
      for (const child of this.state.childrenOf(scope.key)) this.ctx.flow.terminate(child);
      scope.joinTokens = [];
      scope.interrupted = true;
      this.ctx.writer.updateElement(scope);
    }
    this.ctx.flow.activate(eventSubProcess, scope, { eventVariables: variables });
  }

  /** An error thrown by a job or an error end event; false when nothing catches it. */
  throwError(source: ElementInstanceRecord, code: string, variables: Variables): boolean {
    const found = this.finder.find(source, 'error', code);
    if (!found) return false;
    this.applyCatch(found, variables, true);
    return true;
  }

  /** Escalations: uncaught is fine; returns whether the thrower was interrupted. */
  throwEscalation(source: ElementInstanceRecord, code: string): { caught: boolean; interrupted: boolean } {
    const found = this.finder.find(source, 'escalation', code);
    if (!found) return { caught: false, interrupted: false };
    const interrupting = found.interrupting;
    this.applyCatch(found, {}, interrupting);
    return { caught: true, interrupted: interrupting };
  }

  private applyCatch(found: CatchResult, variables: Variables, interrupting: boolean): void {
    const flow = this.ctx.flow;
    if (found.kind === 'boundary') {
      const scope = found.owner.flowScopeKey ? this.state.elements.get(found.owner.flowScopeKey) : undefined;
      if (!scope) return;
      if (interrupting) flow.terminate(found.owner);
      flow.activate(found.element, scope, { eventVariables: variables });
      return;
    }
    this.startEventSubProcess(found.owner, found.element, variables);
  }

  /** Checks buffered messages for subscriptions opened during this step. */
  correlateBuffered(): void {
    const opened = this.ctx.subscriptions.opened;
    this.ctx.subscriptions.opened = [];
    for (const subscription of opened) {
      if (!this.state.messageSubscriptions.has(subscription.key)) continue;
      const now = this.ctx.clock.now();
      for (const messageKey of this.state.bufferedMessages.list(
        `${subscription.messageName}\u0000${subscription.correlationKey}`,
      )) {
        const message = this.state.messages.get(messageKey);
        if (!message || message.deadline <= now) continue;
        if (message.correlatedInstances.includes(subscription.processInstanceKey)) continue;
        const owner = this.state.elements.get(subscription.elementInstanceKey);
        if (!owner) break;
        message.correlatedInstances = [...message.correlatedInstances, subscription.processInstanceKey];
        this.ctx.writer.putMessage(message);
        this.trigger(owner, subscription.targetElementId, message.variables);
        break;
      }
    }
  }

  /** A process instance reached COMPLETED or TERMINATED. */
  processInstanceEnded(instance: ElementInstanceRecord): void {
    if (instance.state !== 'COMPLETED') {
      this.ctx.effects.terminatedInstances.push(instance.key);
      return;
    }
    this.ctx.effects.completed.push({ key: instance.key, variables: this.ctx.variables.local(instance.key) });
    const parent = instance.parentElementInstanceKey
      ? this.state.elements.get(instance.parentElementInstanceKey)
      : undefined;
    if (!parent || parent.state !== 'ACTIVATED') return;
    const element = this.ctx.flow.elementOf(parent);
    if (!('kind' in element) || element.kind !== 'callActivity') return;
    parent.calledInstanceKey = null;
    if (element.propagateAllChildVariables) {
      this.ctx.variables.mergeResult(
        parent,
        element.outputMappings.length > 0,
        this.ctx.variables.local(instance.key),
      );
    }
    this.ctx.flow.complete(parent);
  }
}
