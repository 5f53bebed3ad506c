/**
 * The dispatcher: turns "activate / complete / terminate element" and "take sequence flow" into lifecycle
 * transitions (ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or TERMINATING → TERMINATED) and calls the
 * element's processor at each step. Activation and completion go through a work queue drained within the same
 * command (no deep recursion on long chains); termination is synchronous and depth-first, children first.
 */
import type { Variables } from '../../engine-api.js';
import type { FlowElement, ProcessModel, SequenceFlow, BpmnElementType } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord, ElementLifecycle } from '../../state/records.js';
import type { ExecutableElement } from '../element-processor.js';
import type { ProcessingContext } from '../processing-context.js';
import type { ProcessorRegistry } from '../processor-registry.js';
import type { RecordIntent } from '../record-stream.js';
import { JoinBehavior } from './join.behavior.js';
import type { SubscriptionTarget } from './subscription.behavior.js';

type WorkItem =
  | { kind: 'activate'; key: string }
  | { kind: 'complete'; key: string }
  | { kind: 'flow'; flow: SequenceFlow; scopeKey: string }
  | { kind: 'childFinished'; scopeKey: string; childKey: string };

const FINAL: ReadonlySet<ElementLifecycle> = new Set(['COMPLETED', 'TERMINATED']);

export interface ActivateOptions {
  /** Variables an event brings (message payload, signal variables): merged like job results. */
  eventVariables?: Variables;
  /** Local variables created before input mappings (multi-instance input element and loop counter). */
  localVariables?: Variables;
  /** A multi-instance inner instance (no body wrapper, no boundary events). */
  inner?: boolean;
  loopCounter?: number;
}

export class FlowBehavior {
  private readonly queue: WorkItem[] = [];
  private readonly eventVariables = new Map<string, Variables>();
  private ctx!: ProcessingContext;
  private registry!: ProcessorRegistry;
  joins: JoinBehavior;

  constructor(private readonly state: EngineStateView) {
    this.joins = undefined as unknown as JoinBehavior;
  }

  bind(ctx: ProcessingContext, registry: ProcessorRegistry): void {
    this.ctx = ctx;
    this.registry = registry;
    this.joins = new JoinBehavior(this.state, ctx.writer);
  }

  model(instance: ElementInstanceRecord): ProcessModel {
    const model = this.state.models.get(instance.processDefinitionKey);
    if (!model) throw new Error(`no model for definition ${instance.processDefinitionKey}`);
    return model;
  }

  elementOf(instance: ElementInstanceRecord): ExecutableElement {
    const model = this.model(instance);
    if (instance.type === 'PROCESS') return model;
    const element = model.elements.get(instance.elementId);
    if (!element) throw new Error(`no element ${instance.elementId} in ${model.id}`);
    return element;
  }

  /** Creates the element instance (ACTIVATING) and queues its activation. */
  activate(
    element: FlowElement,
    scope: ElementInstanceRecord,
    options: ActivateOptions = {},
  ): ElementInstanceRecord {
    const isBody = !options.inner && 'multiInstance' in element && element.multiInstance !== null;
    const type: BpmnElementType = isBody ? 'MULTI_INSTANCE_BODY' : element.bpmnElementType;
    const instance: ElementInstanceRecord = {
      key: this.ctx.keys.next(),
      processInstanceKey: scope.processInstanceKey,
      processDefinitionKey: scope.processDefinitionKey,
      bpmnProcessId: scope.bpmnProcessId,
      version: scope.version,
      elementId: element.id,
      type,
      flowScopeKey: scope.key,
      state: 'ACTIVATING',
      startDate: this.ctx.clock.now(),
      endDate: null,
      incidentKey: null,
      tenantId: scope.tenantId,
    };
    if (options.loopCounter !== undefined) instance.loopCounter = options.loopCounter;
    this.ctx.writer.addElement(instance);
    if (options.localVariables) this.ctx.variables.setAllLocal(instance.key, options.localVariables);
    if (options.eventVariables) this.eventVariables.set(instance.key, options.eventVariables);
    this.queue.push({ kind: 'activate', key: instance.key });
    return instance;
  }

  /** Queues the activation of an existing ACTIVATING instance (process instances, incident retries). */
  queueActivation(instance: ElementInstanceRecord): void {
    this.queue.push({ kind: 'activate', key: instance.key });
  }

  complete(instance: ElementInstanceRecord): void {
    this.queue.push({ kind: 'complete', key: instance.key });
  }

  takeFlows(flows: SequenceFlow[], scopeKey: string): void {
    for (const flow of flows) this.queue.push({ kind: 'flow', flow, scopeKey });
  }

  childFinished(child: ElementInstanceRecord): void {
    if (child.flowScopeKey)
      this.queue.push({ kind: 'childFinished', scopeKey: child.flowScopeKey, childKey: child.key });
  }

  /** Drains the work queue. */
  run(): void {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      if (item.kind === 'activate') this.processActivate(item.key);
      else if (item.kind === 'complete') this.processComplete(item.key);
      else if (item.kind === 'flow') this.processFlow(item.flow, item.scopeKey);
      else this.processChildFinished(item.scopeKey, item.childKey);
      if (this.ctx.subscriptions.opened.length > 0) this.ctx.triggers.correlateBuffered();
    }
  }

  processActivate(key: string): void {
    const instance = this.state.elements.get(key);
    if (!instance || instance.state !== 'ACTIVATING') return;
    if (instance.type !== 'PROCESS') this.record(instance, 'ELEMENT_ACTIVATING');
    const element = this.elementOf(instance);
    const processor = this.registry.for(instance, element);
    const isInner = instance.loopCounter !== undefined;
    const isBody = instance.type === 'MULTI_INSTANCE_BODY';
    if (!isBody && 'inputMappings' in element) {
      const mapped = this.ctx.variables.applyInputMappings(element.inputMappings, instance);
      if (!mapped.ok) return this.fail(instance, mapped.errorType, mapped.message, 'activate');
    }
    const events = this.eventVariables.get(key);
    if (events) {
      this.eventVariables.delete(key);
      const hasOutput = 'outputMappings' in element && element.outputMappings.length > 0;
      this.ctx.variables.mergeResult(instance, hasOutput, events);
    }
    const opened = this.openSubscriptions(instance, element, !isInner);
    if (!opened.ok) return this.fail(instance, opened.errorType, opened.message, 'activate');
    const result = processor.onActivate(this.ctx, element, instance);
    if (!result.ok) return this.fail(instance, result.errorType, result.message, 'activate');
    if (instance.state !== 'ACTIVATING') return;
    this.transition(instance, 'ACTIVATED', 'ELEMENT_ACTIVATED');
  }

  private openSubscriptions(
    instance: ElementInstanceRecord,
    element: ExecutableElement,
    withBoundaries: boolean,
  ) {
    const model = this.model(instance);
    const targets: SubscriptionTarget[] = [];
    if (withBoundaries && 'boundaryEventIds' in element) {
      for (const id of element.boundaryEventIds) {
        const boundary = model.elements.get(id);
        if (boundary?.kind === 'boundaryEvent') {
          targets.push({
            id,
            eventDefinition: boundary.eventDefinition,
            interrupting: boundary.cancelActivity,
          });
        }
      }
    }
    if ('eventSubProcessIds' in element && instance.type !== 'MULTI_INSTANCE_BODY') {
      for (const id of element.eventSubProcessIds) {
        const sub = model.elements.get(id);
        if (sub?.kind !== 'eventSubProcess') continue;
        const start = model.elements.get(sub.startEventId);
        if (start?.kind === 'startEvent') {
          targets.push({
            id: start.id,
            eventDefinition: start.eventDefinition,
            interrupting: sub.interrupting,
          });
        }
      }
    }
    for (const target of targets) {
      const opened = this.ctx.subscriptions.open(instance, target);
      if (!opened.ok) {
        this.ctx.subscriptions.closeAll(instance.key);
        return opened;
      }
    }
    return { ok: true as const };
  }

  processComplete(key: string): void {
    const instance = this.state.elements.get(key);
    if (!instance || (instance.state !== 'ACTIVATED' && instance.state !== 'COMPLETING')) return;
    const element = this.elementOf(instance);
    const processor = this.registry.for(instance, element);
    if (instance.state === 'ACTIVATED') this.transition(instance, 'COMPLETING', 'ELEMENT_COMPLETING');
    const completed = processor.onComplete?.(this.ctx, element, instance) ?? { ok: true };
    if (!completed.ok) return this.fail(instance, completed.errorType, completed.message, 'complete');
    if (instance.type !== 'MULTI_INSTANCE_BODY' && 'outputMappings' in element) {
      const mapped = this.ctx.variables.applyOutputMappings(element.outputMappings, instance);
      if (!mapped.ok) return this.fail(instance, mapped.errorType, mapped.message, 'complete');
    }
    this.ctx.subscriptions.closeAll(instance.key);
    const flows =
      instance.loopCounter !== undefined
        ? []
        : (processor.outgoing?.(this.ctx, element, instance) ??
          ('outgoing' in element ? element.outgoing : []));
    const scope = instance.flowScopeKey ? this.state.elements.get(instance.flowScopeKey) : undefined;
    if (scope) {
      const scopeElement = this.elementOf(scope);
      this.registry.for(scope, scopeElement).onChildCompleting?.(this.ctx, scopeElement, scope, instance);
    }
    this.finish(instance, 'COMPLETED', 'ELEMENT_COMPLETED');
    if (instance.flowScopeKey) this.takeFlows(flows, instance.flowScopeKey);
    this.childFinished(instance);
  }

  private processFlow(flow: SequenceFlow, scopeKey: string): void {
    const scope = this.state.elements.get(scopeKey);
    if (!scope || scope.state !== 'ACTIVATED') return;
    const model = this.model(scope);
    this.ctx.records.append({
      timestamp: this.ctx.clock.now(),
      intent: 'SEQUENCE_FLOW_TAKEN',
      key: flow.id,
      elementId: flow.id,
      bpmnElementType: 'SEQUENCE_FLOW',
      processInstanceKey: scope.processInstanceKey,
      flowScopeKey: scope.key,
    });
    const target = model.elements.get(flow.targetId);
    if (!target) return;
    if (this.joins.isJoin(target)) {
      this.joins.addToken(scope, flow.id);
      if (this.joins.tryFire(model, scope, target)) this.activate(target, scope);
      return;
    }
    this.activate(target, scope);
  }

  private processChildFinished(scopeKey: string, childKey: string): void {
    const scope = this.state.elements.get(scopeKey);
    if (!scope || scope.state !== 'ACTIVATED') return;
    const child = this.state.elements.find(childKey);
    if (!child) return;
    const model = this.model(scope);
    for (const gateway of this.joins.waitingInclusiveGateways(model, scope)) {
      if (this.joins.tryFire(model, scope, gateway)) this.activate(gateway, scope);
    }
    const element = this.elementOf(scope);
    this.registry.for(scope, element).onChildFinished?.(this.ctx, element, scope, child);
  }

  /** Default container rule: nothing left inside (no child, no waiting token) → the scope completes. */
  completeScopeIfDone(scope: ElementInstanceRecord): void {
    if (scope.state !== 'ACTIVATED') return;
    if (this.state.children.get(scope.key).size > 0) return;
    if ((scope.joinTokens ?? []).length > 0) return;
    this.complete(scope);
  }

  /** Terminates the instance and everything below it, children first. */
  terminate(instance: ElementInstanceRecord): void {
    if (FINAL.has(instance.state)) return;
    const element = this.elementOf(instance);
    this.transition(instance, 'TERMINATING', 'ELEMENT_TERMINATING');
    for (const child of this.state.childrenOf(instance.key)) this.terminate(child);
    instance.joinTokens = [];
    this.registry.for(instance, element).onTerminate?.(this.ctx, element, instance);
    this.ctx.subscriptions.closeAll(instance.key);
    this.ctx.incidents.resolveFor(instance);
    this.finish(instance, 'TERMINATED', 'ELEMENT_TERMINATED');
  }

  private finish(
    instance: ElementInstanceRecord,
    state: 'COMPLETED' | 'TERMINATED',
    intent: RecordIntent,
  ): void {
    instance.endDate = this.ctx.clock.now();
    this.transition(instance, state, intent);
    if (instance.type === 'PROCESS') this.ctx.triggers.processInstanceEnded(instance);
    this.ctx.writer.retireScopeVariables(instance.key);
    this.ctx.writer.retireElement(instance);
  }

  private fail(
    instance: ElementInstanceRecord,
    errorType: string,
    message: string,
    retry: 'activate' | 'complete',
  ): void {
    this.ctx.incidents.raise(instance, errorType, message, retry);
  }

  transition(instance: ElementInstanceRecord, state: ElementLifecycle, intent: RecordIntent): void {
    instance.state = state;
    this.ctx.writer.updateElement(instance);
    this.record(instance, intent);
  }

  private record(instance: ElementInstanceRecord, intent: RecordIntent): void {
    this.ctx.records.append({
      timestamp: this.ctx.clock.now(),
      intent,
      key: instance.key,
      elementId: instance.elementId,
      bpmnElementType: instance.type,
      processInstanceKey: instance.processInstanceKey,
      flowScopeKey: instance.flowScopeKey,
    });
  }
}
