/** Containers complete when nothing is left inside them: no live child, no token waiting at a join. */
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';

export class ScopeCompletion {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
  ) {}

  completeIfDone(scope: ElementInstanceRecord): void {
    if (scope.state !== 'ACTIVATED') return;
    if (this.lookup.hasChildren(scope.key)) return;
    if ((scope.joinTokens ?? []).length > 0) return;
    this.flow.complete(scope);
  }
}
