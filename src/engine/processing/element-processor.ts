/**
 * The lifecycle every BPMN element kind implements, found through ProcessorRegistry by element kind. A processor
 * gets the behaviours it needs through its constructor. Hooks return a StepResult; a failure becomes an incident
 * on the element instance (never a thrown error), and resolving the incident retries the same step.
 */
import type { FlowElement, ProcessModel, SequenceFlow } from '../model/process-model.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { StepResult } from './step-result.js';

export type ExecutableElement = FlowElement | ProcessModel;

export interface ElementProcessor<E extends ExecutableElement = ExecutableElement> {
  /** After input mappings were applied. Pass-through elements ask FlowBehavior.complete() here. */
  onActivate(element: E, instance: ElementInstanceRecord): StepResult;
  /** Before output mappings are applied. */
  onComplete?(element: E, instance: ElementInstanceRecord): StepResult;
  /** Releases what the element holds (job, user task, called instance). Children are terminated already. */
  onTerminate?(element: E, instance: ElementInstanceRecord): void;
  /** Flows to take when the element completed; default: every outgoing flow. */
  outgoing?(element: E, instance: ElementInstanceRecord): SequenceFlow[];
  /** Containers: a child reached COMPLETED or TERMINATED while this instance is active. */
  onChildFinished?(element: E, instance: ElementInstanceRecord, child: ElementInstanceRecord): void;
  /** Containers: a child is about to reach COMPLETED (its variables are still there). */
  onChildCompleting?(element: E, instance: ElementInstanceRecord, child: ElementInstanceRecord): void;
}
