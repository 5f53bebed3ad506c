/**
 * Event-based gateway: subscribes to the events after it; the first one that occurs wins (EventTriggerBehavior
 * completes the gateway, closes the other subscriptions and activates the winning event).
 */
import type { Gateway, SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { SubscriptionBehavior } from '../behavior/subscription.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class EventBasedGatewayProcessor implements ElementProcessor<Gateway> {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly subscriptions: SubscriptionBehavior,
  ) {}

  onActivate(element: Gateway, instance: ElementInstanceRecord): StepResult {
    const model = this.lookup.model(instance);
    for (const flow of element.outgoing) {
      const target = model.elements.get(flow.targetId);
      if (!target) continue;
      const eventDefinition =
        target.kind === 'intermediateCatchEvent'
          ? target.eventDefinition
          : target.kind === 'receiveTask'
            ? ({ type: 'message', message: target.message } as const)
            : null;
      if (!eventDefinition) continue;
      const opened = this.subscriptions.open(instance, {
        id: target.id,
        eventDefinition,
        interrupting: true,
      });
      if (!opened.ok) {
        this.subscriptions.closeAll(instance.key);
        return opened;
      }
    }
    return OK;
  }

  outgoing(): SequenceFlow[] {
    return [];
  }
}
