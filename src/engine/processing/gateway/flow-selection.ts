/**
 * Condition evaluation of exclusive and inclusive gateways. The choice is made on activation (a failing
 * condition is an incident there, as in Zeebe) and remembered on the instance object until it completes in the
 * same command.
 */
import { evaluateBoolean } from '../../feel/evaluate-typed.js';
import type { Gateway, SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { OK, type StepResult } from '../step-result.js';

export class FlowSelection {
  private readonly chosen = new WeakMap<ElementInstanceRecord, SequenceFlow[]>();

  constructor(
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
  ) {}

  /** Chooses the first (or, with `all`, every) flow whose condition holds, else the default; then completes. */
  select(element: Gateway, instance: ElementInstanceRecord, all: boolean): StepResult {
    const selected: SequenceFlow[] = [];
    const context = this.variables.context(instance.key);
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
    this.chosen.set(instance, selected);
    this.flow.complete(instance);
    return OK;
  }

  chosenFlows(instance: ElementInstanceRecord): SequenceFlow[] {
    return this.chosen.get(instance) ?? [];
  }
}
