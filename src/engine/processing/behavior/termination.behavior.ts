/** Terminates an element instance and everything below it, synchronously and depth-first, children first. */
import type { ElementInstanceRecord, ElementLifecycle } from '../../state/records.js';
import type { ProcessorLookup } from '../processor-registry.js';
import type { ElementLookup } from './element-lookup.js';
import type { IncidentBehavior } from './incident.behavior.js';
import type { SubscriptionBehavior } from './subscription.behavior.js';
import type { TransitionBehavior } from './transition.behavior.js';

const FINAL: ReadonlySet<ElementLifecycle> = new Set(['COMPLETED', 'TERMINATED']);

export class TerminationBehavior {
  constructor(
    private readonly lookup: ElementLookup,
    private readonly transitions: TransitionBehavior,
    private readonly processors: ProcessorLookup,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly incidents: IncidentBehavior,
  ) {}

  terminate(instance: ElementInstanceRecord): void {
    if (FINAL.has(instance.state)) return;
    const element = this.lookup.elementOf(instance);
    this.transitions.transition(instance, 'TERMINATING', 'ELEMENT_TERMINATING');
    for (const child of this.lookup.childrenOf(instance.key)) this.terminate(child);
    instance.joinTokens = [];
    this.processors.for(instance, element).onTerminate?.(element, instance);
    this.subscriptions.closeAll(instance.key);
    this.incidents.resolveFor(instance);
    this.transitions.finish(instance, 'TERMINATED', 'ELEMENT_TERMINATED');
  }
}
