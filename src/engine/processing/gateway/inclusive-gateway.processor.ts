/**
 * Inclusive gateway: forks to every flow whose condition is true (else the default flow). The join side — waiting
 * for all tokens that can still arrive — is done by JoinBehavior before the gateway is activated.
 */
import type { Gateway, SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { FlowSelection } from './flow-selection.js';

/** A single unconditional flow out: nothing to choose. */
function passesStraight(element: Gateway): boolean {
  return element.outgoing.length <= 1 && !element.outgoing[0]?.condition;
}

export class InclusiveGatewayProcessor implements ElementProcessor<Gateway> {
  constructor(
    private readonly selection: FlowSelection,
    private readonly flow: FlowBehavior,
  ) {}

  onActivate(element: Gateway, instance: ElementInstanceRecord): StepResult {
    if (!passesStraight(element)) return this.selection.select(element, instance, true);
    this.flow.complete(instance);
    return OK;
  }

  outgoing(element: Gateway, instance: ElementInstanceRecord): SequenceFlow[] {
    return passesStraight(element) ? element.outgoing : this.selection.chosenFlows(instance);
  }
}
