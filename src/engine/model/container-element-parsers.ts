/** Parsers of gateways, sub-processes, event sub-processes and call activities, keyed by bpmn type. */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type { CallActivity, EventSubProcess, Gateway, SubProcess } from './process-model.js';
import { attr, boolAttr, extension, ref } from './moddle-access.js';
import {
  activityFields,
  baseFields,
  type ElementParser,
  type ParseScope,
  type ScopeWalker,
} from './element-parser.js';

function gateway(kind: Gateway['kind'], type: Gateway['bpmnElementType']): ElementParser {
  return (b, element, scope): Gateway => ({
    ...baseFields(b, element, scope, kind, type),
    defaultFlowId: ref(element, 'default')?.id ?? null,
  });
}

function parseSubProcess(
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
  walk: ScopeWalker,
): SubProcess | EventSubProcess {
  const id = element.id ?? '';
  if (boolAttr(element, 'triggeredByEvent')) {
    const fields = baseFields(b, element, scope, 'eventSubProcess', 'EVENT_SUB_PROCESS');
    const flowScope = walk(element, { parentId: id, container: 'eventSubProcess' });
    const starts = flowScope.childIds.filter((childId) => b.elements.get(childId)?.kind === 'startEvent');
    const [startEventId] = starts;
    if (starts.length !== 1 || !startEventId)
      b.fail(id, 'an event sub-process needs exactly one start event');
    const start = b.elements.get(startEventId);
    const interrupting = start?.kind === 'startEvent' ? start.interrupting : true;
    return { ...fields, ...flowScope, startEventId, interrupting };
  }
  const fields = activityFields(b, element, scope, 'subProcess', 'SUB_PROCESS');
  const flowScope = walk(element, { parentId: id, container: 'subProcess' });
  if (!flowScope.noneStartEventId) b.fail(id, 'an embedded sub-process needs exactly one none start event');
  return { ...fields, ...flowScope };
}

function parseCallActivity(b: ProcessBuilder, element: ModdleElement, scope: ParseScope): CallActivity {
  const id = element.id ?? '';
  const called = extension(element, 'zeebe:CalledElement');
  const processId = called ? attr(called, 'processId') : undefined;
  if (!called || !processId || processId.trim() === '' || processId.trim() === '=') {
    b.fail(id, 'a call activity needs zeebe:calledElement processId');
  }
  const bindingType = attr(called, 'bindingType');
  if (bindingType && bindingType !== 'latest')
    b.fail(id, `called element binding '${bindingType}' is not supported; only 'latest'`);
  return {
    ...activityFields(b, element, scope, 'callActivity', 'CALL_ACTIVITY'),
    processId: b.expression(id, 'zeebe:calledElement processId', processId),
    propagateAllChildVariables: boolAttr(called, 'propagateAllChildVariables') ?? true,
    propagateAllParentVariables: boolAttr(called, 'propagateAllParentVariables') ?? true,
  };
}

export const containerElementParsers: Record<string, ElementParser> = {
  'bpmn:ExclusiveGateway': gateway('exclusiveGateway', 'EXCLUSIVE_GATEWAY'),
  'bpmn:ParallelGateway': gateway('parallelGateway', 'PARALLEL_GATEWAY'),
  'bpmn:InclusiveGateway': gateway('inclusiveGateway', 'INCLUSIVE_GATEWAY'),
  'bpmn:EventBasedGateway': gateway('eventBasedGateway', 'EVENT_BASED_GATEWAY'),
  'bpmn:SubProcess': parseSubProcess,
  'bpmn:CallActivity': parseCallActivity,
};
