/**
 * How processors and behaviours move the flow on: create an element instance and queue its activation, queue a
 * completion, take sequence flows, report a finished child. The work queue is drained by ElementDispatcher within
 * the same command, so long chains of elements never recurse deeply.
 */
import type { Clock, Variables } from '../../engine-api.js';
import type { BpmnElementType, FlowElement, SequenceFlow } from '../../model/process-model.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { VariableBehavior } from './variable.behavior.js';

export type WorkItem =
  | { kind: 'activate'; key: string }
  | { kind: 'complete'; key: string }
  | { kind: 'flow'; flow: SequenceFlow; scopeKey: string }
  | { kind: 'childFinished'; scopeKey: string; childKey: string };

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

  constructor(
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
  ) {}

  /** Creates the element instance (ACTIVATING) and queues its activation. */
  activate(
    element: FlowElement,
    scope: ElementInstanceRecord,
    options: ActivateOptions = {},
  ): ElementInstanceRecord {
    const isBody = !options.inner && 'multiInstance' in element && element.multiInstance !== null;
    const type: BpmnElementType = isBody ? 'MULTI_INSTANCE_BODY' : element.bpmnElementType;
    const instance: ElementInstanceRecord = {
      key: this.keys.next(),
      processInstanceKey: scope.processInstanceKey,
      processDefinitionKey: scope.processDefinitionKey,
      bpmnProcessId: scope.bpmnProcessId,
      version: scope.version,
      elementId: element.id,
      type,
      flowScopeKey: scope.key,
      state: 'ACTIVATING',
      startDate: this.clock.now(),
      endDate: null,
      incidentKey: null,
      tenantId: scope.tenantId,
    };
    if (options.loopCounter !== undefined) instance.loopCounter = options.loopCounter;
    this.writer.addElement(instance);
    if (options.localVariables) this.variables.setAllLocal(instance.key, options.localVariables);
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

  next(): WorkItem | undefined {
    return this.queue.shift();
  }

  /** The variables an event brought to the instance, handed over once at its activation. */
  takeEventVariables(key: string): Variables | undefined {
    const variables = this.eventVariables.get(key);
    if (variables) this.eventVariables.delete(key);
    return variables;
  }
}
