/** Receive tasks wait for their message like a message catch event. */
import type { ReceiveTask } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const receiveTaskProcessor: ElementProcessor<ReceiveTask> = {
  onActivate(ctx, element, instance) {
    if (ctx.triggers.consumeTriggered(instance.key)) {
      ctx.flow.complete(instance);
      return { ok: true };
    }
    return ctx.subscriptions.openMessage(
      instance,
      { id: element.id, eventDefinition: { type: 'message', message: element.message }, interrupting: true },
      element.message,
    );
  },
};
