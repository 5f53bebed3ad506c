/**
 * The activate and complete steps of an element instance: input mappings, event variables and subscriptions, then
 * the processor's hook, then the transition (output mappings on completion). A failed step is returned, not thrown:
 * the dispatcher turns it into an incident and the instance stays where it was, so resolving the incident retries
 * the step.
 */
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { SubscriptionBehavior, SubscriptionTarget } from '../behavior/subscription.behavior.js';
import type { TransitionBehavior } from '../behavior/transition.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import type { ExecutableElement } from '../element-processor.js';
import type { ProcessorLookup } from '../processor-registry.js';
import { OK, type Failure, type StepResult } from '../step-result.js';

export interface FailedStep {
  instance: ElementInstanceRecord;
  failure: Failure;
  retry: 'activate' | 'complete';
}

export class ElementSteps {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly transitions: TransitionBehavior,
    private readonly processors: ProcessorLookup,
    private readonly variables: VariableBehavior,
    private readonly subscriptions: SubscriptionBehavior,
  ) {}

  activate(key: string): FailedStep | null {
    const instance = this.lookup.instance(key);
    if (!instance || instance.state !== 'ACTIVATING') return null;
    if (instance.type !== 'PROCESS') this.transitions.record(instance, 'ELEMENT_ACTIVATING');
    const element = this.lookup.elementOf(instance);
    const processor = this.processors.for(instance, element);
    const isInner = instance.loopCounter !== undefined;
    const isBody = instance.type === 'MULTI_INSTANCE_BODY';
    if (!isBody && 'inputMappings' in element) {
      const mapped = this.variables.applyInputMappings(element.inputMappings, instance);
      if (!mapped.ok) return this.fail(instance, mapped, 'activate');
    }
    const events = this.flow.takeEventVariables(key);
    if (events) {
      const hasOutput = 'outputMappings' in element && element.outputMappings.length > 0;
      this.variables.mergeResult(instance, hasOutput, events);
    }
    const opened = this.openSubscriptions(instance, element, !isInner);
    if (!opened.ok) return this.fail(instance, opened, 'activate');
    const result = processor.onActivate(element, instance);
    if (!result.ok) return this.fail(instance, result, 'activate');
    if (instance.state !== 'ACTIVATING') return null;
    this.transitions.transition(instance, 'ACTIVATED', 'ELEMENT_ACTIVATED');
    return null;
  }

  complete(key: string): FailedStep | null {
    const instance = this.lookup.instance(key);
    if (!instance || (instance.state !== 'ACTIVATED' && instance.state !== 'COMPLETING')) return null;
    const element = this.lookup.elementOf(instance);
    const processor = this.processors.for(instance, element);
    if (instance.state === 'ACTIVATED')
      this.transitions.transition(instance, 'COMPLETING', 'ELEMENT_COMPLETING');
    const completed = processor.onComplete?.(element, instance) ?? OK;
    if (!completed.ok) return this.fail(instance, completed, 'complete');
    if (instance.type !== 'MULTI_INSTANCE_BODY' && 'outputMappings' in element) {
      const mapped = this.variables.applyOutputMappings(element.outputMappings, instance);
      if (!mapped.ok) return this.fail(instance, mapped, 'complete');
    }
    this.subscriptions.closeAll(instance.key);
    const flows =
      instance.loopCounter !== undefined
        ? []
        : (processor.outgoing?.(element, instance) ?? ('outgoing' in element ? element.outgoing : []));
    const scope = this.lookup.flowScope(instance);
    if (scope) {
      const scopeElement = this.lookup.elementOf(scope);
      this.processors.for(scope, scopeElement).onChildCompleting?.(scopeElement, scope, instance);
    }
    this.transitions.finish(instance, 'COMPLETED', 'ELEMENT_COMPLETED');
    if (instance.flowScopeKey) this.flow.takeFlows(flows, instance.flowScopeKey);
    this.flow.childFinished(instance);
    return null;
  }

  /** Boundary events of the activity and event sub-process starts of the scope: open while it is active. */
  private openSubscriptions(
    instance: ElementInstanceRecord,
    element: ExecutableElement,
    withBoundaries: boolean,
  ): StepResult {
    const model = this.lookup.model(instance);
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
      const opened = this.subscriptions.open(instance, target);
      if (!opened.ok) {
        this.subscriptions.closeAll(instance.key);
        return opened;
      }
    }
    return OK;
  }

  private fail(instance: ElementInstanceRecord, failure: Failure, retry: FailedStep['retry']): FailedStep {
    return { instance, failure, retry };
  }
}
