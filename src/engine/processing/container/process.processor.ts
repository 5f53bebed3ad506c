/** The process instance: starts at its none start event, or where a start event or start instructions say. */
import type { ProcessModel } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { InstanceBehavior } from '../behavior/instance.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { ScopeCompletion } from './scope-completion.js';

export class ProcessProcessor implements ElementProcessor<ProcessModel> {
  constructor(
    private readonly instances: InstanceBehavior,
    private readonly flow: FlowBehavior,
    private readonly scopes: ScopeCompletion,
  ) {}

  onActivate(model: ProcessModel, instance: ElementInstanceRecord): StepResult {
    const ids =
      this.instances.takeStartElements(instance.key) ??
      (model.noneStartEventId ? [model.noneStartEventId] : []);
    if (ids.length === 0) {
      return { ok: false, errorType: 'UNKNOWN', message: `Process '${model.id}' has no none start event` };
    }
    for (const id of ids) {
      const element = model.elements.get(id);
      if (element) this.flow.activate(element, instance);
    }
    return OK;
  }

  onChildFinished(_model: ProcessModel, instance: ElementInstanceRecord): void {
    this.scopes.completeIfDone(instance);
  }
}
