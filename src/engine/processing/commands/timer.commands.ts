/**
 * A timer fell due: a timer start event creates an instance, any other timer triggers its owner. The timer's
 * removal (or its advance to the next cycle) is written in the same batch as its effect, so after a crash a timer
 * either fired and is gone, or did not fire and fires once after restart.
 */
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { EventTriggerBehavior } from '../behavior/event-trigger.behavior.js';
import type { InstanceBehavior } from '../behavior/instance.behavior.js';
import type { SubscriptionBehavior } from '../behavior/subscription.behavior.js';
import type { Scheduler } from '../scheduler.js';

export class TimerCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly scheduler: Scheduler,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly triggers: EventTriggerBehavior,
    private readonly instances: InstanceBehavior,
  ) {}

  fire(key: string, now: number): void {
    const { state, subscriptions } = this;
    const timer = state.timers.get(key);
    if (!timer || timer.dueDate > now) return;
    if (timer.elementInstanceKey === null) {
      const definition = state.definitions.get(timer.processDefinitionKey);
      if (definition && !definition.deleted)
        this.instances.create(definition, {}, { startElementIds: [timer.targetElementId] });
    } else {
      const owner = state.elements.get(timer.elementInstanceKey);
      if (owner) this.triggers.trigger(owner, timer.targetElementId, {});
    }
    const current = state.timers.get(key);
    if (!current) return;
    const next = subscriptions.nextDue(current);
    const ownerAlive =
      current.elementInstanceKey === null ||
      state.elements.get(current.elementInstanceKey)?.state === 'ACTIVATED';
    if (next === null || !ownerAlive) {
      subscriptions.removeTimer(current);
      return;
    }
    current.dueDate = next;
    this.writer.putTimer(current);
    this.scheduler.schedule(next, 'timer', key);
  }
}
