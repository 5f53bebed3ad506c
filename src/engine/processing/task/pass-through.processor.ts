/** Elements with nothing to wait for: manual and undefined tasks, none start events, boundary events, parallel forks. */
import type { FlowElement } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const passThroughProcessor: ElementProcessor<FlowElement> = {
  onActivate(ctx, _element, instance) {
    ctx.flow.complete(instance);
    return { ok: true };
  },
};
