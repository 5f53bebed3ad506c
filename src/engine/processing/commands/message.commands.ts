/**
 * Message publication and correlation, as Zeebe documents it: a message correlates to every waiting subscription
 * with its name and correlation key — at most once per process instance — and starts an instance at a message
 * start event unless an instance of that process started by the same correlation key is still active. With a
 * time-to-live it is buffered and correlates to subscriptions opened later; its messageId is unique while buffered.
 */
import {
  EngineError,
  type Clock,
  type CorrelateMessageResult,
  type PublishMessageCommand,
  type Variables,
} from '../../engine-api.js';
import { correlationId, messageStartKey, type EngineStateView } from '../../state/engine-state-view.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { MessageRecord } from '../../state/records.js';
import type { BufferedMessageBehavior } from '../behavior/buffered-message.behavior.js';
import type { EventTriggerBehavior } from '../behavior/event-trigger.behavior.js';
import type { InstanceBehavior } from '../behavior/instance.behavior.js';

export class MessageCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly clock: Clock,
    private readonly keys: KeyGenerator,
    private readonly triggers: EventTriggerBehavior,
    private readonly instances: InstanceBehavior,
    private readonly bufferedMessages: BufferedMessageBehavior,
  ) {}

  publish(command: PublishMessageCommand): { key: string; processInstanceKeys: string[] } {
    const { state, clock, keys } = this;
    if (!command.name) throw new EngineError('INVALID_ARGUMENT', 'Expected a message name, but it was empty');
    const variables = command.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
    }
    if (command.messageId) {
      const existing = state.messageIds.get(correlationId(command.name, command.messageId));
      const buffered = existing ? state.messages.get(existing) : undefined;
      if (buffered && buffered.deadline > clock.now()) {
        throw new EngineError(
          'ALREADY_EXISTS',
          `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`,
        );
      }
    }
    const key = keys.next();
    const correlationKey = command.correlationKey ?? '';
    const instances = this.correlateSubscriptions(command.name, correlationKey, variables);
    const started = this.startInstances(command.name, correlationKey, variables);
    const ttl = command.timeToLiveMs ?? 0;
    if (ttl > 0) {
      const message: MessageRecord = {
        key,
        name: command.name,
        correlationKey,
        messageId: command.messageId || null,
        deadline: clock.now() + ttl,
        variables,
        correlatedInstances: instances,
        correlatedProcesses: started.map((entry) => entry.bpmnProcessId),
        tenantId: command.tenantId ?? '<default>',
      };
      this.bufferedMessages.buffer(message);
    }
    return { key, processInstanceKeys: [...instances, ...started.map((entry) => entry.key)] };
  }

  correlate(command: Omit<PublishMessageCommand, 'timeToLiveMs' | 'messageId'>): CorrelateMessageResult {
    const published = this.publish({ ...command, timeToLiveMs: 0 });
    const first = published.processInstanceKeys[0];
    if (!first) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find subscription for message with name '${command.name}' and correlation key '${command.correlationKey}', but none was found.`,
      );
    }
    return {
      messageKey: published.key,
      processInstanceKey: first,
      tenantId: command.tenantId ?? '<default>',
    };
  }

  private correlateSubscriptions(name: string, correlationKey: string, variables: Variables): string[] {
    const { state, triggers } = this;
    const correlated: string[] = [];
    for (const key of state.messageSubscriptionsByCorrelation.list(correlationId(name, correlationKey))) {
      const subscription = state.messageSubscriptions.get(key);
      if (!subscription || correlated.includes(subscription.processInstanceKey)) continue;
      const owner = state.elements.get(subscription.elementInstanceKey);
      if (owner && triggers.trigger(owner, subscription.targetElementId, variables)) {
        correlated.push(subscription.processInstanceKey);
      }
    }
    return correlated;
  }

  private startInstances(
    name: string,
    correlationKey: string,
    variables: Variables,
  ): { key: string; bpmnProcessId: string }[] {
    const { state, clock } = this;
    const started: { key: string; bpmnProcessId: string }[] = [];
    for (const bpmnProcessId of state.versions.keys()) {
      const definition = state.latestDefinition(bpmnProcessId);
      const model = definition ? state.models.get(definition.key) : undefined;
      if (!definition || !model) continue;
      for (const id of model.messageStartEventIds) {
        const start = model.elements.get(id);
        if (start?.kind !== 'startEvent' || start.eventDefinition.type !== 'message') continue;
        const messageName = start.eventDefinition.message.name.evaluate({ variables: {}, now: clock.now() });
        if (!messageName.ok || messageName.value !== name) continue;
        if (
          correlationKey &&
          state.messageStartedInstances.has(messageStartKey(bpmnProcessId, correlationKey))
        )
          continue;
        const instance = this.instances.create(definition, variables, {
          startElementIds: [id],
          ...(correlationKey ? { startCorrelationKey: correlationKey } : {}),
        });
        started.push({ key: instance.key, bpmnProcessId });
        break;
      }
    }
    return started;
  }
}
