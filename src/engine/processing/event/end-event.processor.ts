/**
 * End events, by event definition: none completes; error throws (uncaught → incident); escalation throws (uncaught
 * is fine); terminate ends every other element of its scope; signal broadcasts; message is a job.
 */
import type { EndEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StepResult } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import type { ProcessingContext } from '../processing-context.js';
import { throwEventHandlers } from './throw-event-handlers.js';

type Handler = (ctx: ProcessingContext, element: EndEvent, instance: ElementInstanceRecord) => StepResult;

const handlers: Record<EndEvent['eventDefinition']['type'], Handler> = {
  none: throwEventHandlers.none,
  signal: throwEventHandlers.signal,
  escalation: throwEventHandlers.escalation,
  message: throwEventHandlers.message,
  terminate: (ctx, _element, instance) => {
    ctx.flow.complete(instance);
    return { ok: true };
  },
  error(ctx, element, instance) {
    if (element.eventDefinition.type !== 'error') return { ok: true };
    const codeResult = element.eventDefinition.errorCode
      ? ctx.variables.evaluate(element.eventDefinition.errorCode, instance.key)
      : { ok: true as const, value: '' };
    if (!codeResult.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: codeResult.message };
    const code = String(codeResult.value);
    if (ctx.triggers.throwError(instance, code, {})) return { ok: true };
    return {
      ok: false,
      errorType: 'UNHANDLED_ERROR_EVENT',
      message: `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`,
    };
  },
};

export const endEventProcessor: ElementProcessor<EndEvent> = {
  onActivate: (ctx, element, instance) => handlers[element.eventDefinition.type](ctx, element, instance),
  onComplete(ctx, element, instance) {
    if (element.eventDefinition.type === 'terminate' && instance.flowScopeKey) {
      for (const sibling of ctx.state.childrenOf(instance.flowScopeKey)) {
        if (sibling.key !== instance.key) ctx.flow.terminate(sibling);
      }
      const scope = ctx.state.elements.get(instance.flowScopeKey);
      if (scope) {
        scope.joinTokens = [];
        ctx.writer.updateElement(scope);
      }
    }
    return { ok: true };
  },
  onTerminate: (ctx, _element, instance) => ctx.jobs.remove(instance.jobKey),
};
