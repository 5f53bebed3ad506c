/**
 * Lifecycle transitions of element instances: the new state is written and its record appended to the stream
 * (ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or TERMINATING → TERMINATED). A final state retires the
 * instance with its variables.
 */
import type { Clock } from '../../engine-api.js';
import type { SequenceFlow } from '../../model/process-model.js';
import type { ElementInstanceRecord, ElementLifecycle } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { RecordIntent, RecordStream } from '../record-stream.js';
import type { ProcessInstanceEndBehavior } from './instance-end.behavior.js';

export class TransitionBehavior {
  constructor(
    private readonly writer: StateWriter,
    private readonly records: RecordStream,
    private readonly clock: Clock,
    private readonly instanceEnd: ProcessInstanceEndBehavior,
  ) {}

  transition(instance: ElementInstanceRecord, state: ElementLifecycle, intent: RecordIntent): void {
    instance.state = state;
    this.writer.updateElement(instance);
    this.record(instance, intent);
  }

  finish(instance: ElementInstanceRecord, state: 'COMPLETED' | 'TERMINATED', intent: RecordIntent): void {
    instance.endDate = this.clock.now();
    this.transition(instance, state, intent);
    if (instance.type === 'PROCESS') this.instanceEnd.ended(instance);
    this.writer.retireScopeVariables(instance.key);
    this.writer.retireElement(instance);
  }

  record(instance: ElementInstanceRecord, intent: RecordIntent): void {
    this.records.append({
      timestamp: this.clock.now(),
      intent,
      key: instance.key,
      elementId: instance.elementId,
      bpmnElementType: instance.type,
      processInstanceKey: instance.processInstanceKey,
      flowScopeKey: instance.flowScopeKey,
    });
  }

  recordFlowTaken(flow: SequenceFlow, scope: ElementInstanceRecord): void {
    this.records.append({
      timestamp: this.clock.now(),
      intent: 'SEQUENCE_FLOW_TAKEN',
      key: flow.id,
      elementId: flow.id,
      bpmnElementType: 'SEQUENCE_FLOW',
      processInstanceKey: scope.processInstanceKey,
      flowScopeKey: scope.key,
    });
  }
}
