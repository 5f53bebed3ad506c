/** Embedded sub-process: a scope started at its none start event. */
import type { SubProcess } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { ScopeCompletion } from './scope-completion.js';

export class SubProcessProcessor implements ElementProcessor<SubProcess> {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly scopes: ScopeCompletion,
  ) {}

  onActivate(element: SubProcess, instance: ElementInstanceRecord): StepResult {
    const start = element.noneStartEventId
      ? this.lookup.model(instance).elements.get(element.noneStartEventId)
      : undefined;
    if (!start)
      return {
        ok: false,
        errorType: 'UNKNOWN',
        message: `Sub-process '${element.id}' has no none start event`,
      };
    this.flow.activate(start, instance);
    return OK;
  }

  onChildFinished(_element: SubProcess, instance: ElementInstanceRecord): void {
    this.scopes.completeIfDone(instance);
  }
}
