/** Signals are broadcast: every waiting signal subscription and every signal start event of a latest version. */
import type { Clock, Variables } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { EventTriggerBehavior } from './event-trigger.behavior.js';
import type { InstanceBehavior } from './instance.behavior.js';

export class SignalBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly clock: Clock,
    private readonly triggers: EventTriggerBehavior,
    private readonly instances: InstanceBehavior,
  ) {}

  broadcast(signalName: string, variables: Variables): void {
    for (const key of this.state.signalSubscriptionsByName.list(signalName)) {
      const subscription = this.state.signalSubscriptions.get(key);
      const owner = subscription ? this.state.elements.get(subscription.elementInstanceKey) : undefined;
      if (subscription && owner) this.triggers.trigger(owner, subscription.targetElementId, variables);
    }
    for (const bpmnProcessId of this.state.versions.keys()) {
      const definition = this.state.latestDefinition(bpmnProcessId);
      const model = definition ? this.state.models.get(definition.key) : undefined;
      if (!definition || !model) continue;
      for (const id of model.signalStartEventIds) {
        const start = model.elements.get(id);
        if (start?.kind !== 'startEvent' || start.eventDefinition.type !== 'signal') continue;
        const name = start.eventDefinition.signalName.evaluate({ variables: {}, now: this.clock.now() });
        if (name.ok && name.value === signalName) {
          this.instances.create(definition, variables, { startElementIds: [id] });
        }
      }
    }
  }
}
