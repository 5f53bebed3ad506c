/** Behaviour shared by intermediate throw and end events, per event definition. */
import { evaluateString } from '../../feel/evaluate-typed.js';
import type { EndEvent, IntermediateThrowEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StepResult } from '../behavior/variable.behavior.js';
import type { ProcessingContext } from '../processing-context.js';

type ThrowElement = EndEvent | IntermediateThrowEvent;

export const throwEventHandlers = {
  none(ctx: ProcessingContext, _element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    ctx.flow.complete(instance);
    return { ok: true };
  },
  signal(ctx: ProcessingContext, element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type !== 'signal') return { ok: true };
    const name = evaluateString(element.eventDefinition.signalName, ctx.variables.context(instance.key));
    if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
    ctx.flow.complete(instance);
    ctx.signals.broadcast(name.value, {});
    return { ok: true };
  },
  escalation(ctx: ProcessingContext, element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type !== 'escalation') return { ok: true };
    const codeExpression = element.eventDefinition.escalationCode;
    const code = codeExpression
      ? ctx.variables.evaluate(codeExpression, instance.key)
      : { ok: true as const, value: '' };
    if (!code.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: code.message };
    const thrown = ctx.triggers.throwEscalation(instance, String(code.value));
    if (!thrown.interrupted) ctx.flow.complete(instance);
    return { ok: true };
  },
  message(ctx: ProcessingContext, element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (!element.job) return throwEventHandlers.none(ctx, element, instance);
    return ctx.jobs.create(instance, element.job);
  },
};
