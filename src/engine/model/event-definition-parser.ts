/**
 * Turns an event's bpmn:*EventDefinition into the model's EventDefinition, checking what the event's position
 * allows (e.g. a timer start event needs timeDate or timeCycle; a message catch event needs a correlation key).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type {
  EventDefinition,
  EventType,
  MessageDefinition,
  TimerDefinition,
  TimerType,
} from './process-model.js';
import { attr, expressionBody, extension, list, ref } from './moddle-access.js';
import { parseTimerSchedule } from '../timer/timer-schedule.js';
import { belowTimerFloor } from './timer-floor.js';

export interface EventRules {
  /** Event definition types allowed at this position. */
  allowed: readonly EventType[];
  /** Timer types allowed at this position (when 'timer' is allowed). */
  timerTypes?: readonly TimerType[];
  /** Message events here need zeebe:subscription correlationKey. */
  needsCorrelationKey?: boolean;
  /** Error/escalation events here throw, so they need a code. */
  throws?: boolean;
  /** Human name of the position, for messages ("timer start event"). */
  position: string;
}

const TYPE_OF: Record<string, EventType> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
};

const TIMER_TYPES: readonly TimerType[] = ['timeDate', 'timeDuration', 'timeCycle'];

function parseTimer(
  b: ProcessBuilder,
  id: string,
  definition: ModdleElement,
  rules: EventRules,
): TimerDefinition {
  const present = TIMER_TYPES.filter((type) => ref(definition, type) !== undefined);
  const [type] = present;
  if (present.length !== 1 || !type)
    b.fail(id, 'a timer needs exactly one of timeDate, timeDuration or timeCycle');
  if (rules.timerTypes && !rules.timerTypes.includes(type)) {
    b.fail(id, `a ${rules.position} supports ${rules.timerTypes.join(' or ')}, not ${type}`);
  }
  const text = expressionBody(ref(definition, type));
  if (!text) b.fail(id, `the ${type} of the timer is empty`);
  const expression = b.expression(id, type, text);
  if (!expression.isFeel) {
    const parsed = parseTimerSchedule(type, text);
    if (!parsed.ok) b.fail(id, parsed.message);
    const tooShort = b.checkStaticTimers && belowTimerFloor(parsed.value, text, b.timerFloorMs);
    if (tooShort) b.fail(id, tooShort);
  }
  return { type, expression, floorMs: b.timerFloorMs };
}

export function parseMessage(
  b: ProcessBuilder,
  id: string,
  message: ModdleElement | undefined,
  needsCorrelationKey: boolean,
): MessageDefinition {
  if (!message) b.fail(id, 'references no bpmn:message');
  const name = attr(message, 'name');
  if (!name || name.trim() === '') b.fail(id, `message '${message.id ?? ''}' has no name`);
  const subscription = extension(message, 'zeebe:Subscription');
  const key = subscription ? attr(subscription, 'correlationKey') : undefined;
  if (needsCorrelationKey && (!key || key.trim() === '')) {
    b.fail(id, `message '${message.id ?? ''}' needs a zeebe:subscription correlationKey`);
  }
  return {
    id: message.id ?? '',
    name: b.expression(id, 'message name', name),
    correlationKey: b.optionalExpression(id, 'correlationKey', key),
  };
}

function parseOne(
  b: ProcessBuilder,
  id: string,
  definition: ModdleElement,
  type: EventType,
  rules: EventRules,
): EventDefinition {
  switch (type) {
    case 'timer':
      return { type, timer: parseTimer(b, id, definition, rules) };
    case 'message': {
      const message = ref(definition, 'messageRef');
      // Message throw and end events are jobs: the worker sends the message, so a bpmn:message is optional.
      if (rules.throws && !message) {
        return {
          type,
          message: { id: '', name: b.expression(id, 'message name', ''), correlationKey: null },
        };
      }
      return { type, message: parseMessage(b, id, message, rules.needsCorrelationKey ?? false) };
    }
    case 'signal': {
      const signal = ref(definition, 'signalRef');
      const name = signal ? attr(signal, 'name') : undefined;
      if (!name || name.trim() === '') b.fail(id, 'a signal event needs a bpmn:signal with a name');
      return { type, signalName: b.expression(id, 'signal name', name) };
    }
    case 'error': {
      const error = ref(definition, 'errorRef');
      const code = error ? attr(error, 'errorCode') : undefined;
      if (rules.throws && (!code || code.trim() === ''))
        b.fail(id, 'an error end event needs a bpmn:error with an errorCode');
      return { type, errorCode: b.optionalExpression(id, 'errorCode', code), errorMessage: null };
    }
    case 'escalation': {
      const escalation = ref(definition, 'escalationRef');
      const code = escalation ? attr(escalation, 'escalationCode') : undefined;
      if (rules.throws && (!code || code.trim() === ''))
        b.fail(id, 'a throwing escalation event needs a bpmn:escalation with an escalationCode');
      return { type, escalationCode: b.optionalExpression(id, 'escalationCode', code) };
    }
    case 'link': {
      const name = attr(definition, 'name');
      if (!name || name.trim() === '') b.fail(id, 'a link event needs a name');
      return { type, linkName: name };
    }
    case 'terminate':
    case 'none':
      return { type };
  }
}

export function parseEventDefinition(
  b: ProcessBuilder,
  event: ModdleElement,
  rules: EventRules,
): EventDefinition {
  const id = event.id ?? '';
  const definitions = list(event, 'eventDefinitions');
  if (definitions.length > 1) b.fail(id, 'events with several event definitions are not supported');
  const [definition] = definitions;
  const type: EventType | undefined = definition ? TYPE_OF[definition.$type] : 'none';
  if (!type) {
    const name = (definition?.$type ?? '').replace('bpmn:', '').replace('EventDefinition', '').toLowerCase();
    b.fail(id, `${name} events are not supported`);
  }
  if (!rules.allowed.includes(type)) b.fail(id, `a ${rules.position} cannot be a ${type} event`);
  return definition ? parseOne(b, id, definition, type, rules) : { type: 'none' };
}
