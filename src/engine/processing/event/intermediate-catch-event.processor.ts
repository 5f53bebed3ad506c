/**
 * Intermediate catch events wait on their subscription (message, timer, signal); a link catch event passes through.
 * Activated as the winner of an event-based gateway, they complete at once.
 */
import type { IntermediateCatchEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { EventTriggerBehavior } from '../behavior/event-trigger.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { SubscriptionBehavior } from '../behavior/subscription.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class IntermediateCatchEventProcessor implements ElementProcessor<IntermediateCatchEvent> {
  constructor(
    private readonly triggers: EventTriggerBehavior,
    private readonly flow: FlowBehavior,
    private readonly subscriptions: SubscriptionBehavior,
  ) {}

  onActivate(element: IntermediateCatchEvent, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type === 'link' || this.triggers.consumeTriggered(instance.key)) {
      this.flow.complete(instance);
      return OK;
    }
    return this.subscriptions.open(instance, {
      id: element.id,
      eventDefinition: element.eventDefinition,
      interrupting: true,
    });
  }
}
