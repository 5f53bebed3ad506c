/**
 * Walks a process or sub-process: parses each flow node through the registry (recursing into containers) and
 * collects the sequence flows for the second pass, when every node exists.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type { FlowScope } from './process-model.js';
import { list } from './moddle-access.js';
import type { ParseScope, ScopeWalker } from './element-parser.js';
import { IGNORED_TYPES, UNSUPPORTED_REASONS, elementParsers } from './element-parser-registry.js';

export interface PendingFlow {
  element: ModdleElement;
  parentId: string | null;
}

export function createScopeWalker(b: ProcessBuilder, pendingFlows: PendingFlow[]): ScopeWalker {
  const walk: ScopeWalker = (container: ModdleElement, scope: ParseScope): FlowScope => {
    const flowScope: FlowScope = { childIds: [], noneStartEventId: null, eventSubProcessIds: [] };
    for (const child of list(container, 'flowElements')) {
      if (child.$type === 'bpmn:SequenceFlow') {
        pendingFlows.push({ element: child, parentId: scope.parentId });
        continue;
      }
      if (IGNORED_TYPES.has(child.$type)) continue;
      const parser = elementParsers[child.$type];
      if (!parser) {
        const typeName = child.$type.replace(/^bpmn:/, '');
        b.fail(
          child.id ?? '(no id)',
          UNSUPPORTED_REASONS[child.$type] ?? `${typeName} elements are not supported`,
        );
      }
      const element = parser(b, child, scope, walk);
      b.addElement(element);
      flowScope.childIds.push(element.id);
      if (element.kind === 'startEvent' && element.eventDefinition.type === 'none') {
        if (flowScope.noneStartEventId) b.fail(element.id, 'a scope can have only one none start event');
        flowScope.noneStartEventId = element.id;
      }
      if (element.kind === 'eventSubProcess') flowScope.eventSubProcessIds.push(element.id);
    }
    return flowScope;
  };
  return walk;
}
