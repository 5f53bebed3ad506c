/** Embedded sub-process: a scope started at its none start event. */
import type { SubProcess } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeWhenEmpty } from './scope-completion.js';

export const subProcessProcessor: ElementProcessor<SubProcess> = {
  onActivate(ctx, element, instance) {
    const start = element.noneStartEventId
      ? ctx.flow.model(instance).elements.get(element.noneStartEventId)
      : undefined;
    if (!start)
      return {
        ok: false,
        errorType: 'UNKNOWN',
        message: `Sub-process '${element.id}' has no none start event`,
      };
    ctx.flow.activate(start, instance);
    return { ok: true };
  },
  onChildFinished: completeWhenEmpty,
};
