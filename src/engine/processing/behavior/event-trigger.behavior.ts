/**
 * What happens when a subscribed event occurs (message, timer, signal): the owner of the subscription decides — a
 * boundary event interrupts or forks its activity, an event sub-process start interrupts or forks its scope, an
 * event-based gateway lets the first event win, and a plain catch event or receive task completes.
 */
import type { Variables } from '../../engine-api.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { CatchBehavior } from './catch.behavior.js';
import type { ElementLookup } from './element-lookup.js';
import type { FlowBehavior } from './flow.behavior.js';
import type { SubscriptionBehavior } from './subscription.behavior.js';
import type { TerminationBehavior } from './termination.behavior.js';
import type { VariableBehavior } from './variable.behavior.js';

export class EventTriggerBehavior {
  private readonly triggered = new Set<string>();

  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly termination: TerminationBehavior,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly variables: VariableBehavior,
    private readonly catches: CatchBehavior,
  ) {}

  /** A catch event activated by an event-based gateway's winning event completes at once. */
  consumeTriggered(instanceKey: string): boolean {
    return this.triggered.delete(instanceKey);
  }

  trigger(owner: ElementInstanceRecord, targetId: string, variables: Variables): boolean {
    if (owner.state !== 'ACTIVATED') return false;
    const flow = this.flow;
    const model = this.lookup.model(owner);
    const target = model.elements.get(targetId);
    if (!target) return false;
    if (target.kind === 'boundaryEvent') {
      const scope = this.lookup.flowScope(owner);
      if (!scope) return false;
      if (target.cancelActivity) this.termination.terminate(owner);
      flow.activate(target, scope, { eventVariables: variables });
      return true;
    }
    const eventSubProcess =
      target.kind === 'startEvent' && target.parentId ? model.elements.get(target.parentId) : undefined;
    if (eventSubProcess?.kind === 'eventSubProcess') {
      this.catches.startEventSubProcess(owner, eventSubProcess, variables);
      return true;
    }
    if (owner.type === 'EVENT_BASED_GATEWAY') {
      const scope = this.lookup.flowScope(owner);
      if (!scope) return false;
      this.subscriptions.closeAll(owner.key);
      flow.complete(owner);
      const event = flow.activate(target, scope, { eventVariables: variables });
      this.triggered.add(event.key);
      return true;
    }
    this.variables.mergeResult(owner, this.lookup.hasOutputMappings(owner), variables);
    this.subscriptions.closeAll(owner.key);
    flow.complete(owner);
    return true;
  }
}
