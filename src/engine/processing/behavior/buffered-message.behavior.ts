/**
 * Messages published with a time to live wait in a buffer: they correlate to message subscriptions opened later
 * (checked after every lifecycle step that opened one), at most once per process instance, until they expire.
 */
import type { Clock } from '../../engine-api.js';
import { correlationId, type EngineStateView } from '../../state/engine-state-view.js';
import type { MessageRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { Scheduler } from '../scheduler.js';
import type { EventTriggerBehavior } from './event-trigger.behavior.js';
import type { SubscriptionBehavior } from './subscription.behavior.js';

export class BufferedMessageBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly subscriptions: SubscriptionBehavior,
    private readonly triggers: EventTriggerBehavior,
  ) {}

  buffer(message: MessageRecord): void {
    this.writer.putMessage(message);
    this.scheduler.schedule(message.deadline, 'messageTtl', message.key);
  }

  /** Scheduler: the message's time to live is over. */
  expire(messageKey: string, now: number): void {
    const message = this.state.messages.get(messageKey);
    if (!message || message.deadline > now) return;
    this.writer.deleteMessage(message);
  }

  /** Checks buffered messages for the subscriptions opened during the last step. */
  correlateOpened(): void {
    for (const subscription of this.subscriptions.takeOpened()) {
      if (!this.state.messageSubscriptions.has(subscription.key)) continue;
      const now = this.clock.now();
      const id = correlationId(subscription.messageName, subscription.correlationKey);
      for (const messageKey of this.state.bufferedMessages.list(id)) {
        const message = this.state.messages.get(messageKey);
        if (!message || message.deadline <= now) continue;
        if (message.correlatedInstances.includes(subscription.processInstanceKey)) continue;
        const owner = this.state.elements.get(subscription.elementInstanceKey);
        if (!owner) break;
        message.correlatedInstances = [...message.correlatedInstances, subscription.processInstanceKey];
        this.writer.putMessage(message);
        this.triggers.trigger(owner, subscription.targetElementId, message.variables);
        break;
      }
    }
  }
}
