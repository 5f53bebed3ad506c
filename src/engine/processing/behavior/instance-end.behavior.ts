/**
 * A process instance reached COMPLETED or TERMINATED: answer whoever waits for its result, and hand a called
 * instance's variables back to its call activity, which then completes.
 */
import type { ElementInstanceRecord } from '../../state/records.js';
import type { Effects } from './effects.js';
import type { ElementLookup } from './element-lookup.js';
import type { FlowBehavior } from './flow.behavior.js';
import type { VariableBehavior } from './variable.behavior.js';

export class ProcessInstanceEndBehavior {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
    private readonly effects: Effects,
  ) {}

  ended(instance: ElementInstanceRecord): void {
    if (instance.state !== 'COMPLETED') {
      this.effects.terminatedInstances.push(instance.key);
      return;
    }
    this.effects.completed.push({ key: instance.key, variables: this.variables.local(instance.key) });
    const parent = instance.parentElementInstanceKey
      ? this.lookup.instance(instance.parentElementInstanceKey)
      : undefined;
    if (!parent || parent.state !== 'ACTIVATED') return;
    const element = this.lookup.elementOf(parent);
    if (!('kind' in element) || element.kind !== 'callActivity') return;
    parent.calledInstanceKey = null;
    if (element.propagateAllChildVariables) {
      this.variables.mergeResult(
        parent,
        element.outputMappings.length > 0,
        this.variables.local(instance.key),
      );
    }
    this.flow.complete(parent);
  }
}
