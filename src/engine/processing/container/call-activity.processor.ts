/**
 * Call activity: creates an instance of the latest version of the called process and waits for it. Variables go
 * down (all visible ones, or only the input mappings' locals when propagateAllParentVariables is off) and come back
 * up when the child completes (ProcessInstanceEndBehavior). Terminating it cancels the child.
 */
import { evaluateString } from '../../feel/evaluate-typed.js';
import type { CallActivity } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { InstanceBehavior } from '../behavior/instance.behavior.js';
import type { TerminationBehavior } from '../behavior/termination.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class CallActivityProcessor implements ElementProcessor<CallActivity> {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly variables: VariableBehavior,
    private readonly instances: InstanceBehavior,
    private readonly termination: TerminationBehavior,
  ) {}

  onActivate(element: CallActivity, instance: ElementInstanceRecord): StepResult {
    const processId = evaluateString(element.processId, this.variables.context(instance.key));
    if (!processId.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: processId.message };
    const definition = this.state.latestDefinition(processId.value);
    if (!definition) {
      return {
        ok: false,
        errorType: 'CALLED_ELEMENT_ERROR',
        message: `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
      };
    }
    const variables = element.propagateAllParentVariables
      ? this.variables.visible(instance.key)
      : this.variables.local(instance.key);
    const child = this.instances.create(definition, variables, {
      parentProcessInstanceKey: instance.processInstanceKey,
      parentElementInstanceKey: instance.key,
    });
    instance.calledInstanceKey = child.key;
    this.writer.updateElement(instance);
    return OK;
  }

  onTerminate(_element: CallActivity, instance: ElementInstanceRecord): void {
    const child = instance.calledInstanceKey
      ? this.state.elements.get(instance.calledInstanceKey)
      : undefined;
    if (child) this.termination.terminate(child);
  }
}
