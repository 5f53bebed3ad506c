/** Parsers of start, end, intermediate and boundary events, keyed by bpmn type. */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type {
  BoundaryEvent,
  EndEvent,
  IntermediateCatchEvent,
  IntermediateThrowEvent,
  StartEvent,
} from './process-model.js';
import { boolAttr, ref } from './moddle-access.js';
import { baseFields, type ElementParser, type ParseScope } from './element-parser.js';
import { parseEventDefinition, type EventRules } from './event-definition-parser.js';
import { parseJobDefinition } from './extension-parsers.js';

const START_RULES: Record<ParseScope['container'], EventRules> = {
  process: {
    allowed: ['none', 'timer', 'message', 'signal'],
    timerTypes: ['timeDate', 'timeCycle'],
    position: 'process start event',
  },
  subProcess: { allowed: ['none'], position: 'start event of an embedded sub-process' },
  eventSubProcess: {
    allowed: ['timer', 'message', 'signal', 'error', 'escalation'],
    needsCorrelationKey: true,
    position: 'start event of an event sub-process',
  },
};

function parseStart(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): StartEvent {
  const interrupting = boolAttr(element, 'isInterrupting') ?? true;
  const rules = START_RULES[scope.container];
  const timerRules: EventRules =
    scope.container === 'eventSubProcess' && interrupting
      ? { ...rules, timerTypes: ['timeDate', 'timeDuration'] }
      : rules;
  const eventDefinition = parseEventDefinition(b, element, timerRules) as StartEvent['eventDefinition'];
  if (scope.container === 'eventSubProcess' && !interrupting && eventDefinition.type === 'error') {
    b.fail(element.id ?? '', 'an error start event must be interrupting');
  }
  return { ...baseFields(b, element, scope, 'startEvent', 'START_EVENT'), eventDefinition, interrupting };
}

function parseEnd(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): EndEvent {
  const eventDefinition = parseEventDefinition(b, element, {
    allowed: ['none', 'error', 'escalation', 'terminate', 'signal', 'message'],
    throws: true,
    position: 'end event',
  }) as EndEvent['eventDefinition'];
  const job = eventDefinition.type === 'message' ? parseJobDefinition(b, element) : null;
  return { ...baseFields(b, element, scope, 'endEvent', 'END_EVENT'), eventDefinition, job };
}

function parseCatch(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): IntermediateCatchEvent {
  const eventDefinition = parseEventDefinition(b, element, {
    allowed: ['timer', 'message', 'signal', 'link'],
    timerTypes: ['timeDuration', 'timeDate'],
    needsCorrelationKey: true,
    position: 'intermediate catch event',
  }) as IntermediateCatchEvent['eventDefinition'];
  return {
    ...baseFields(b, element, scope, 'intermediateCatchEvent', 'INTERMEDIATE_CATCH_EVENT'),
    eventDefinition,
  };
}

function parseThrow(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): IntermediateThrowEvent {
  const eventDefinition = parseEventDefinition(b, element, {
    allowed: ['none', 'signal', 'escalation', 'link', 'message'],
    throws: true,
    position: 'intermediate throw event',
  }) as IntermediateThrowEvent['eventDefinition'];
  const job = eventDefinition.type === 'message' ? parseJobDefinition(b, element) : null;
  return {
    ...baseFields(b, element, scope, 'intermediateThrowEvent', 'INTERMEDIATE_THROW_EVENT'),
    eventDefinition,
    job,
    linkTargetId: null,
  };
}

function parseBoundary(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): BoundaryEvent {
  const id = element.id ?? '';
  const cancelActivity = boolAttr(element, 'cancelActivity') ?? true;
  const attachedTo = ref(element, 'attachedToRef');
  if (!attachedTo?.id) b.fail(id, 'a boundary event must be attached to an activity (attachedToRef)');
  const eventDefinition = parseEventDefinition(b, element, {
    allowed: ['timer', 'message', 'signal', 'error', 'escalation'],
    timerTypes: cancelActivity ? ['timeDuration', 'timeDate'] : ['timeDuration', 'timeCycle', 'timeDate'],
    needsCorrelationKey: true,
    position: cancelActivity ? 'interrupting boundary event' : 'non-interrupting boundary event',
  }) as BoundaryEvent['eventDefinition'];
  if (eventDefinition.type === 'error' && !cancelActivity)
    b.fail(id, 'an error boundary event must be interrupting');
  return {
    ...baseFields(b, element, scope, 'boundaryEvent', 'BOUNDARY_EVENT'),
    attachedToId: attachedTo.id,
    cancelActivity,
    eventDefinition,
  };
}

export const eventElementParsers: Record<string, ElementParser> = {
  'bpmn:StartEvent': parseStart,
  'bpmn:EndEvent': parseEnd,
  'bpmn:IntermediateCatchEvent': parseCatch,
  'bpmn:IntermediateThrowEvent': parseThrow,
  'bpmn:BoundaryEvent': parseBoundary,
};
