/** Event sub-process: started by its start event's trigger (EventTriggerBehavior); runs like a sub-process. */
import type { EventSubProcess } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { completeWhenEmpty } from './scope-completion.js';

export const eventSubProcessProcessor: ElementProcessor<EventSubProcess> = {
  onActivate(ctx, element, instance) {
    const start = ctx.flow.model(instance).elements.get(element.startEventId);
    if (start) ctx.flow.activate(start, instance);
    return { ok: true };
  },
  onChildFinished: completeWhenEmpty,
};
