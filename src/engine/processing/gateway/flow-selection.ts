/**
 * Condition evaluation of exclusive and inclusive gateways. The choice is made on activation (a failing
 * condition is an incident there, as in Zeebe) and remembered on the instance object until it completes in the
 * same command.
 */
import { evaluateBoolean } from '../../feel/evaluate-typed.js';
import type { Gateway, SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StepResult } from '../behavior/variable.behavior.js';
import type { ProcessingContext } from '../processing-context.js';

const chosen = new WeakMap<ElementInstanceRecord, SequenceFlow[]>();

export function selectFlows(
  ctx: ProcessingContext,
  element: Gateway,
  instance: ElementInstanceRecord,
  all: boolean,
): StepResult {
  const selected: SequenceFlow[] = [];
  const context = ctx.variables.context(instance.key);
  for (const flow of element.outgoing) {
    if (flow.id === element.defaultFlowId) continue;
    if (!flow.condition) {
      selected.push(flow);
    } else {
      const result = evaluateBoolean(flow.condition, context);
      if (!result.ok) return { ok: false, errorType: 'CONDITION_ERROR', message: result.message };
      if (result.value) selected.push(flow);
    }
    if (!all && selected.length > 0) break;
  }
  if (selected.length === 0) {
    const fallback = element.outgoing.find((flow) => flow.id === element.defaultFlowId);
    if (!fallback) {
      return {
        ok: false,
        errorType: 'CONDITION_ERROR',
        message: 'Expected at least one condition to evaluate to true, or to have a default flow',
      };
    }
    selected.push(fallback);
  }
  chosen.set(instance, selected);
  ctx.flow.complete(instance);
  return { ok: true };
}

export function chosenFlows(instance: ElementInstanceRecord): SequenceFlow[] {
  return chosen.get(instance) ?? [];
}
