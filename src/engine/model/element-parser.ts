/** What every element parser receives and the fields all elements share. */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type { BpmnElementType, ElementKind, FlowElement, FlowScope } from './process-model.js';
import { attr, list } from './moddle-access.js';
import {
  parseIoMapping,
  parseMultiInstance,
  parseProperties,
  rejectUnsupportedExtensions,
} from './extension-parsers.js';

export type ContainerKind = 'process' | 'subProcess' | 'eventSubProcess';

export interface ParseScope {
  /** Id of the containing (event) sub-process; null at the process level. */
  parentId: string | null;
  container: ContainerKind;
}

/** Parses the children of a container into the builder and returns the container's FlowScope. */
export type ScopeWalker = (container: ModdleElement, scope: ParseScope) => FlowScope;

export type ElementParser = (
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
  walk: ScopeWalker,
) => FlowElement;

export function baseFields<K extends ElementKind>(
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
  kind: K,
  bpmnElementType: BpmnElementType,
) {
  const id = element.id;
  if (!id) b.fail('(no id)', `a ${element.$type} has no id`);
  rejectUnsupportedExtensions(b, element);
  const documentation = list(element, 'documentation')
    .map((doc) => attr(doc, 'text') ?? '')
    .join('\n');
  return {
    id,
    name: attr(element, 'name') ?? null,
    kind,
    bpmnElementType,
    parentId: scope.parentId,
    incoming: [],
    outgoing: [],
    ...parseIoMapping(b, element),
    properties: parseProperties(element),
    documentation: documentation === '' ? null : documentation,
  };
}

export function activityFields<K extends ElementKind>(
  b: ProcessBuilder,
  element: ModdleElement,
  scope: ParseScope,
  kind: K,
  bpmnElementType: BpmnElementType,
) {
  return {
    ...baseFields(b, element, scope, kind, bpmnElementType),
    boundaryEventIds: [] as string[],
    multiInstance: parseMultiInstance(b, element),
  };
}
