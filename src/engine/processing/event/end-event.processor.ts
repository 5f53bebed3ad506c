/**
 * End events, by event definition: none completes; error throws (uncaught → incident); escalation throws (uncaught
 * is fine); terminate ends every other element of its scope; signal broadcasts; message is a job.
 */
import type { EndEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { TerminationBehavior } from '../behavior/termination.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { ThrowEventBehavior } from './throw-event.behavior.js';

type Handler = (element: EndEvent, instance: ElementInstanceRecord) => StepResult;

export class EndEventProcessor implements ElementProcessor<EndEvent> {
  private readonly handlers: Record<EndEvent['eventDefinition']['type'], Handler>;

  constructor(
    private readonly throws: ThrowEventBehavior,
    private readonly lookup: ElementLookup,
    private readonly writer: StateWriter,
    private readonly termination: TerminationBehavior,
  ) {
    this.handlers = {
      none: (element, instance) => throws.none(element, instance),
      signal: (element, instance) => throws.signal(element, instance),
      escalation: (element, instance) => throws.escalation(element, instance),
      message: (element, instance) => throws.message(element, instance),
      // The siblings are terminated when the end event completes (onComplete).
      terminate: (element, instance) => throws.none(element, instance),
      error: (element, instance) => throws.error(element, instance),
    };
  }

  onActivate(element: EndEvent, instance: ElementInstanceRecord): StepResult {
    return this.handlers[element.eventDefinition.type](element, instance);
  }

  onComplete(element: EndEvent, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type === 'terminate' && instance.flowScopeKey) {
      for (const sibling of this.lookup.childrenOf(instance.flowScopeKey)) {
        if (sibling.key !== instance.key) this.termination.terminate(sibling);
      }
      const scope = this.lookup.flowScope(instance);
      if (scope) {
        scope.joinTokens = [];
        this.writer.updateElement(scope);
      }
    }
    return OK;
  }

  onTerminate(_element: EndEvent, instance: ElementInstanceRecord): void {
    this.throws.releaseJob(instance);
  }
}
