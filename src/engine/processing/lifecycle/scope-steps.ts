/**
 * Steps inside a flow scope: a sequence flow is taken (its target activated, or a token left at a joining gateway),
 * and a child finished (waiting inclusive joins are checked again, then the scope's processor is told).
 */
import type { SequenceFlow } from '../../model/process-model.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { JoinBehavior } from '../behavior/join.behavior.js';
import type { TransitionBehavior } from '../behavior/transition.behavior.js';
import type { ProcessorLookup } from '../processor-registry.js';

export class ScopeSteps {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly flow: FlowBehavior,
    private readonly transitions: TransitionBehavior,
    private readonly joins: JoinBehavior,
    private readonly processors: ProcessorLookup,
  ) {}

  takeFlow(flow: SequenceFlow, scopeKey: string): void {
    const scope = this.lookup.instance(scopeKey);
    if (!scope || scope.state !== 'ACTIVATED') return;
    const model = this.lookup.model(scope);
    this.transitions.recordFlowTaken(flow, scope);
    const target = model.elements.get(flow.targetId);
    if (!target) return;
    if (this.joins.isJoin(target)) {
      this.joins.addToken(scope, flow.id);
      if (this.joins.tryFire(model, scope, target)) this.flow.activate(target, scope);
      return;
    }
    this.flow.activate(target, scope);
  }

  childFinished(scopeKey: string, childKey: string): void {
    const scope = this.lookup.instance(scopeKey);
    if (!scope || scope.state !== 'ACTIVATED') return;
    const child = this.lookup.findInstance(childKey);
    if (!child) return;
    const model = this.lookup.model(scope);
    for (const gateway of this.joins.waitingInclusiveGateways(model, scope)) {
      if (this.joins.tryFire(model, scope, gateway)) this.flow.activate(gateway, scope);
    }
    const element = this.lookup.elementOf(scope);
    this.processors.for(scope, element).onChildFinished?.(element, scope, child);
  }
}
