/** Exclusive gateway: the first flow whose condition is true, else the default flow, else an incident. */
import type { Gateway, SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { FlowSelection } from './flow-selection.js';

export class ExclusiveGatewayProcessor implements ElementProcessor<Gateway> {
  constructor(
    private readonly selection: FlowSelection,
    private readonly flow: FlowBehavior,
  ) {}

  onActivate(element: Gateway, instance: ElementInstanceRecord): StepResult {
    if (element.outgoing.length > 0) return this.selection.select(element, instance, false);
    this.flow.complete(instance);
    return OK;
  }

  outgoing(_element: Gateway, instance: ElementInstanceRecord): SequenceFlow[] {
    return this.selection.chosenFlows(instance);
  }
}
