/** Receive tasks wait for their message like a message catch event. */
import type { ReceiveTask } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { EventTriggerBehavior } from '../behavior/event-trigger.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { SubscriptionBehavior } from '../behavior/subscription.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class ReceiveTaskProcessor implements ElementProcessor<ReceiveTask> {
  constructor(
    private readonly triggers: EventTriggerBehavior,
    private readonly flow: FlowBehavior,
    private readonly subscriptions: SubscriptionBehavior,
  ) {}

  onActivate(element: ReceiveTask, instance: ElementInstanceRecord): StepResult {
    if (this.triggers.consumeTriggered(instance.key)) {
      this.flow.complete(instance);
      return OK;
    }
    return this.subscriptions.openMessage(
      instance,
      { id: element.id, eventDefinition: { type: 'message', message: element.message }, interrupting: true },
      element.message,
    );
  }
}
