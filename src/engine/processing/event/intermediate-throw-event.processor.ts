/** Intermediate throw events: none, signal, escalation, message (a job) and link (jumps to its catch event). */
import type { IntermediateThrowEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StepResult } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import type { ProcessingContext } from '../processing-context.js';
import { throwEventHandlers } from './throw-event-handlers.js';

type Handler = (
  ctx: ProcessingContext,
  element: IntermediateThrowEvent,
  instance: ElementInstanceRecord,
) => StepResult;

const handlers: Record<IntermediateThrowEvent['eventDefinition']['type'], Handler> = {
  none: throwEventHandlers.none,
  signal: throwEventHandlers.signal,
  escalation: throwEventHandlers.escalation,
  message: throwEventHandlers.message,
  link(ctx, element, instance) {
    const scope = instance.flowScopeKey ? ctx.state.elements.get(instance.flowScopeKey) : undefined;
    const target = element.linkTargetId
      ? ctx.flow.model(instance).elements.get(element.linkTargetId)
      : undefined;
    if (!scope || !target) {
      return { ok: false, errorType: 'UNKNOWN', message: `No link catch event for '${element.id}'` };
    }
    ctx.flow.complete(instance);
    ctx.flow.activate(target, scope);
    return { ok: true };
  },
};

export const intermediateThrowEventProcessor: ElementProcessor<IntermediateThrowEvent> = {
  onActivate: (ctx, element, instance) => handlers[element.eventDefinition.type](ctx, element, instance),
  onTerminate: (ctx, _element, instance) => ctx.jobs.remove(instance.jobKey),
};
