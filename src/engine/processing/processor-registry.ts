/**
 * Element kind → processor. Adding an element kind means adding one entry to the map and one processor file; the
 * lifecycle steps never switch on kinds.
 *
 * Processors use the lifecycle (complete, terminate, …) and the lifecycle dispatches to processors, so one link
 * of that loop is made after construction: the steps are built with this registry, and the processors, built from
 * the steps' behaviours, are registered into it once (Zeebe closes the same loop with a processor look-up).
 */
import type { ElementKind, FlowElement, ProcessModel, Activity } from '../model/process-model.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { ElementProcessor, ExecutableElement } from './element-processor.js';

export type ProcessorMap = {
  [K in ElementKind]: ElementProcessor<Extract<FlowElement, { kind: K }>>;
} & {
  process: ElementProcessor<ProcessModel>;
  multiInstanceBody: ElementProcessor<Activity>;
};

export interface ProcessorLookup {
  /** The processor for an instance: the process itself, a multi-instance body, or the element's kind. */
  for(instance: ElementInstanceRecord, element: ExecutableElement): ElementProcessor;
}

export class ProcessorRegistry implements ProcessorLookup {
  private processors: ProcessorMap | undefined;

  register(processors: ProcessorMap): void {
    if (this.processors) throw new Error('element processors are registered already');
    this.processors = processors;
  }

  for(instance: ElementInstanceRecord, element: ExecutableElement): ElementProcessor {
    const processors = this.processors;
    if (!processors) throw new Error('no element processors registered');
    if (instance.type === 'PROCESS') return processors.process as unknown as ElementProcessor;
    if (instance.type === 'MULTI_INSTANCE_BODY') {
      return processors.multiInstanceBody as unknown as ElementProcessor;
    }
    const kind = (element as FlowElement).kind;
    return processors[kind] as unknown as ElementProcessor;
  }
}
