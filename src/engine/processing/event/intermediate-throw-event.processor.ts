/** Intermediate throw events: none, signal, escalation, message (a job) and link (jumps to its catch event). */
import type { IntermediateThrowEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';
import type { ThrowEventBehavior } from './throw-event.behavior.js';

type Handler = (element: IntermediateThrowEvent, instance: ElementInstanceRecord) => StepResult;

export class IntermediateThrowEventProcessor implements ElementProcessor<IntermediateThrowEvent> {
  private readonly handlers: Record<IntermediateThrowEvent['eventDefinition']['type'], Handler>;

  constructor(
    private readonly throws: ThrowEventBehavior,
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
  ) {
    this.handlers = {
      none: (element, instance) => throws.none(element, instance),
      signal: (element, instance) => throws.signal(element, instance),
      escalation: (element, instance) => throws.escalation(element, instance),
      message: (element, instance) => throws.message(element, instance),
      link: (element, instance) => this.link(element, instance),
    };
  }

  onActivate(element: IntermediateThrowEvent, instance: ElementInstanceRecord): StepResult {
    return this.handlers[element.eventDefinition.type](element, instance);
  }

  onTerminate(_element: IntermediateThrowEvent, instance: ElementInstanceRecord): void {
    this.throws.releaseJob(instance);
  }

  private link(element: IntermediateThrowEvent, instance: ElementInstanceRecord): StepResult {
    const scope = this.lookup.flowScope(instance);
    const target = element.linkTargetId
      ? this.lookup.model(instance).elements.get(element.linkTargetId)
      : undefined;
    if (!scope || !target) {
      return { ok: false, errorType: 'UNKNOWN', message: `No link catch event for '${element.id}'` };
    }
    this.flow.complete(instance);
    this.flow.activate(target, scope);
    return OK;
  }
}
