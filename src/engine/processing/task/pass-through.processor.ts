/** Elements with nothing to wait for: manual and undefined tasks, none start events, boundary events, parallel forks. */
import type { FlowElement } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class PassThroughProcessor implements ElementProcessor<FlowElement> {
  constructor(private readonly flow: FlowBehavior) {}

  onActivate(_element: FlowElement, instance: ElementInstanceRecord): StepResult {
    this.flow.complete(instance);
    return OK;
  }
}
