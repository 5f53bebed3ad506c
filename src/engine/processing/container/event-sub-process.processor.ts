/** Event sub-process: started by its start event's trigger (CatchBehavior); runs like a sub-process. */
import type { EventSubProcess } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { ScopeCompletion } from './scope-completion.js';

export class EventSubProcessProcessor implements ElementProcessor<EventSubProcess> {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly scopes: ScopeCompletion,
  ) {}

  onActivate(element: EventSubProcess, instance: ElementInstanceRecord): StepResult {
    const start = this.lookup.model(instance).elements.get(element.startEventId);
    if (start) this.flow.activate(start, instance);
    return OK;
  }

  onChildFinished(_element: EventSubProcess, instance: ElementInstanceRecord): void {
    this.scopes.completeIfDone(instance);
  }
}
