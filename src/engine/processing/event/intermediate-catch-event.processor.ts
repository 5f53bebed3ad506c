/**
 * Intermediate catch events wait on their subscription (message, timer, signal); a link catch event passes through.
 * Activated as the winner of an event-based gateway, they complete at once.
 */
import type { IntermediateCatchEvent } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const intermediateCatchEventProcessor: ElementProcessor<IntermediateCatchEvent> = {
  onActivate(ctx, element, instance) {
    if (element.eventDefinition.type === 'link' || ctx.triggers.consumeTriggered(instance.key)) {
      ctx.flow.complete(instance);
      return { ok: true };
    }
    return ctx.subscriptions.open(instance, {
      id: element.id,
      eventDefinition: element.eventDefinition,
      interrupting: true,
    });
  },
};
