/**
 * Event-based gateway: subscribes to the events after it; the first one that occurs wins (EventTriggerBehavior
 * completes the gateway, closes the other subscriptions and activates the winning event).
 */
import type { Gateway } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const eventBasedGatewayProcessor: ElementProcessor<Gateway> = {
  onActivate(ctx, element, instance) {
    const model = ctx.flow.model(instance);
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
      const opened = ctx.subscriptions.open(instance, { id: target.id, eventDefinition, interrupting: true });
      if (!opened.ok) {
        ctx.subscriptions.closeAll(instance.key);
        return opened;
      }
    }
    return { ok: true };
  },
  outgoing: () => [],
};
