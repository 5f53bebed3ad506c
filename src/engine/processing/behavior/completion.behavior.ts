/** An element waiting for outside work (a job, a user task) completes with the variables that work brought. */
import type { Variables } from '../../engine-api.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from './element-lookup.js';
import type { FlowBehavior } from './flow.behavior.js';
import type { VariableBehavior } from './variable.behavior.js';

export class CompletionBehavior {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
  ) {}

  completeWith(instance: ElementInstanceRecord, variables: Variables | undefined): void {
    this.variables.mergeResult(instance, this.lookup.hasOutputMappings(instance), variables);
    this.flow.complete(instance);
  }
}
