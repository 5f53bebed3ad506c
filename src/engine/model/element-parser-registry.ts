/** Every supported flow node type → its parser; anything else is rejected with the reason below. */
import type { ElementParser } from './element-parser.js';
import { containerElementParsers } from './container-element-parsers.js';
import { eventElementParsers } from './event-element-parsers.js';
import { taskElementParsers } from './task-element-parsers.js';

export const elementParsers: Readonly<Record<string, ElementParser>> = {
  ...eventElementParsers,
  ...taskElementParsers,
  ...containerElementParsers,
};

/** Types that carry no behaviour and are skipped. */
export const IGNORED_TYPES: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

export const UNSUPPORTED_REASONS: Readonly<Record<string, string>> = {
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:Transaction': 'transaction sub-processes are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:ImplicitThrowEvent': 'implicit throw events are not supported',
  'bpmn:ChoreographyTask': 'choreographies are not supported',
  'bpmn:CallChoreography': 'choreographies are not supported',
  'bpmn:SubChoreography': 'choreographies are not supported',
};
