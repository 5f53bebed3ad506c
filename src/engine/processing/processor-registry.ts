/**
 * Element kind → processor. Adding an element kind means adding one entry here and one processor file; the
 * dispatcher (FlowBehavior) never switches on kinds.
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

export class ProcessorRegistry {
  constructor(private readonly processors: ProcessorMap) {}

  /** The processor for an instance: the process itself, a multi-instance body, or the element's kind. */
  for(instance: ElementInstanceRecord, element: ExecutableElement): ElementProcessor {
    if (instance.type === 'PROCESS') return this.processors.process as unknown as ElementProcessor;
    if (instance.type === 'MULTI_INSTANCE_BODY') {
      return this.processors.multiInstanceBody as unknown as ElementProcessor;
    }
    const kind = (element as FlowElement).kind;
    return this.processors[kind] as unknown as ElementProcessor;
  }
}
