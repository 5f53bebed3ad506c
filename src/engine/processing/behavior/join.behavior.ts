/**
 * Joining gateways. A sequence flow that reaches a parallel or inclusive gateway with several incoming flows
 * leaves a token in its flow scope (`joinTokens`). A parallel join fires when every incoming flow has a token;
 * an inclusive join fires when every incoming flow either has a token or can no longer be reached from anything
 * still active in the scope (Zeebe's semantics since 8.x).
 */
import type { FlowElement, ProcessModel } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { ElementInstanceRecord } from '../../state/records.js';

export class JoinBehavior {
  private readonly reachCache = new WeakMap<ProcessModel, Map<string, Set<string>>>();

  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
  ) {}

  isJoin(element: FlowElement): boolean {
    return (
      (element.kind === 'parallelGateway' || element.kind === 'inclusiveGateway') &&
      element.incoming.length > 1
    );
  }

  addToken(scope: ElementInstanceRecord, flowId: string): void {
    scope.joinTokens = [...(scope.joinTokens ?? []), flowId];
    this.writer.updateElement(scope);
  }

  /** Consumes the tokens and returns true when the gateway may be activated now. */
  tryFire(model: ProcessModel, scope: ElementInstanceRecord, gateway: FlowElement): boolean {
    const tokens = scope.joinTokens ?? [];
    const incoming = gateway.incoming.map((flow) => flow.id);
    const present = incoming.filter((id) => tokens.includes(id));
    if (present.length === 0) return false;
    if (present.length < incoming.length) {
      if (gateway.kind === 'parallelGateway') return false;
      const missing = incoming.filter((id) => !tokens.includes(id));
      if (missing.some((flowId) => this.reachable(model, scope, flowId, gateway.id))) return false;
    }
    const remaining = [...tokens];
    for (const id of present) remaining.splice(remaining.indexOf(id), 1);
    scope.joinTokens = remaining;
    this.writer.updateElement(scope);
    return true;
  }

  /** Inclusive gateways of the scope holding tokens: re-checked whenever something in the scope finished. */
  waitingInclusiveGateways(model: ProcessModel, scope: ElementInstanceRecord): FlowElement[] {
    const result = new Map<string, FlowElement>();
    for (const flowId of scope.joinTokens ?? []) {
      const target = model.elements.get(model.flows.get(flowId)?.targetId ?? '');
      if (target?.kind === 'inclusiveGateway') result.set(target.id, target);
    }
    return [...result.values()];
  }

  private reachable(
    model: ProcessModel,
    scope: ElementInstanceRecord,
    flowId: string,
    gatewayId: string,
  ): boolean {
    for (const child of this.state.childrenOf(scope.key)) {
      if (this.reaches(model, child.elementId, gatewayId).has(flowId)) return true;
    }
    for (const token of scope.joinTokens ?? []) {
      const target = model.flows.get(token)?.targetId;
      if (target && target !== gatewayId && this.reaches(model, target, gatewayId).has(flowId)) return true;
    }
    return false;
  }

  /** Flows reachable from an element without passing through the gateway itself. */
  private reaches(model: ProcessModel, fromId: string, gatewayId: string): Set<string> {
    let cache = this.reachCache.get(model);
    if (!cache) this.reachCache.set(model, (cache = new Map()));
    const cacheKey = `${fromId}\u0000${gatewayId}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const flows = new Set<string>();
    const seen = new Set<string>([fromId]);
    const stack = [fromId];
    while (stack.length > 0) {
      const element = model.elements.get(stack.pop()!);
      if (!element) continue;
      const next = [...element.outgoing];
      if ('boundaryEventIds' in element) {
        for (const id of element.boundaryEventIds) next.push(...(model.elements.get(id)?.outgoing ?? []));
      }
      for (const flow of next) {
        flows.add(flow.id);
        if (flow.targetId !== gatewayId && !seen.has(flow.targetId)) {
          seen.add(flow.targetId);
          stack.push(flow.targetId);
        }
      }
    }
    cache.set(cacheKey, flows);
    return flows;
  }
}
