/**
 * Call activity: creates an instance of the latest version of the called process and waits for it. Variables go
 * down (all visible ones, or only the input mappings' locals when propagateAllParentVariables is off) and come back
 * up when the child completes (EventTriggerBehavior.processInstanceEnded). Terminating it cancels the child.
 */
import { evaluateString } from '../../feel/evaluate-typed.js';
import type { CallActivity } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const callActivityProcessor: ElementProcessor<CallActivity> = {
  onActivate(ctx, element, instance) {
    const processId = evaluateString(element.processId, ctx.variables.context(instance.key));
    if (!processId.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: processId.message };
    const definition = ctx.state.latestDefinition(processId.value);
    if (!definition) {
      return {
        ok: false,
        errorType: 'CALLED_ELEMENT_ERROR',
        message: `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
      };
    }
    const variables = element.propagateAllParentVariables
      ? ctx.variables.visible(instance.key)
      : ctx.variables.local(instance.key);
    const child = ctx.instances.create(definition, variables, {
      parentProcessInstanceKey: instance.processInstanceKey,
      parentElementInstanceKey: instance.key,
    });
    instance.calledInstanceKey = child.key;
    ctx.writer.updateElement(instance);
    return { ok: true };
  },
  onTerminate(ctx, _element, instance) {
    const child = instance.calledInstanceKey ? ctx.state.elements.get(instance.calledInstanceKey) : undefined;
    if (child) ctx.flow.terminate(child);
  },
};
