/** The process instance: starts at its none start event, or where a start event or start instructions say. */
import type { ProcessModel } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeWhenEmpty } from './scope-completion.js';

export const processProcessor: ElementProcessor<ProcessModel> = {
  onActivate(ctx, model, instance) {
    const ids =
      ctx.instances.takeStartElements(instance.key) ??
      (model.noneStartEventId ? [model.noneStartEventId] : []);
    if (ids.length === 0) {
      return { ok: false, errorType: 'UNKNOWN', message: `Process '${model.id}' has no none start event` };
    }
    for (const id of ids) {
      const element = model.elements.get(id);
      if (element) ctx.flow.activate(element, instance);
    }
    return { ok: true };
  },
  onChildFinished: completeWhenEmpty,
  skipMappings: true,
};
