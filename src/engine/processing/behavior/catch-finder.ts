/**
 * Finds the catcher of a thrown error or escalation: walking from the throwing instance outwards, at each level
 * the boundary events of the activity, then the event sub-processes of the scope; a called process passes the
 * search on to its call activity. A catcher with a matching code wins over a catch-all one at the same level.
 */
import type { BoundaryEvent, EventSubProcess, FlowElement, ProcessModel } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { ElementLookup } from './element-lookup.js';

export type CatchResult =
  | { kind: 'boundary'; owner: ElementInstanceRecord; element: BoundaryEvent; interrupting: boolean }
  | {
      kind: 'eventSubProcess';
      owner: ElementInstanceRecord;
      element: EventSubProcess;
      interrupting: boolean;
    };

type ThrowKind = 'error' | 'escalation';

export class CatchFinder {
  constructor(private readonly lookup: ElementLookup) {}

  find(source: ElementInstanceRecord, kind: ThrowKind, code: string): CatchResult | null {
    let current: ElementInstanceRecord | undefined = source;
    while (current) {
      const model = this.lookup.model(current);
      const element = this.lookup.elementOf(current);
      const found =
        (current.loopCounter === undefined ? this.boundary(model, current, element, kind, code) : null) ??
        (current.type !== 'MULTI_INSTANCE_BODY'
          ? this.eventSubProcess(model, current, element, kind, code)
          : null);
      if (found) return found;
      const parentKey: string | null | undefined = current.flowScopeKey ?? current.parentElementInstanceKey;
      current = parentKey ? this.lookup.instance(parentKey) : undefined;
    }
    return null;
  }

  private boundary(
    model: ProcessModel,
    owner: ElementInstanceRecord,
    element: FlowElement | ProcessModel,
    kind: ThrowKind,
    code: string,
  ): CatchResult | null {
    if (!('boundaryEventIds' in element)) return null;
    const candidates = element.boundaryEventIds
      .map((id) => model.elements.get(id))
      .filter((event): event is BoundaryEvent => event?.kind === 'boundaryEvent');
    const match = pick(candidates, (event) => codeOf(event.eventDefinition, kind), code);
    return match ? { kind: 'boundary', owner, element: match, interrupting: match.cancelActivity } : null;
  }

  private eventSubProcess(
    model: ProcessModel,
    owner: ElementInstanceRecord,
    element: FlowElement | ProcessModel,
    kind: ThrowKind,
    code: string,
  ): CatchResult | null {
    if (!('eventSubProcessIds' in element)) return null;
    const candidates = element.eventSubProcessIds
      .map((id) => model.elements.get(id))
      .filter((sub): sub is EventSubProcess => sub?.kind === 'eventSubProcess');
    const match = pick(
      candidates,
      (sub) => {
        const start = model.elements.get(sub.startEventId);
        return start?.kind === 'startEvent' ? codeOf(start.eventDefinition, kind) : undefined;
      },
      code,
    );
    return match
      ? { kind: 'eventSubProcess', owner, element: match, interrupting: match.interrupting }
      : null;
  }
}

/** undefined: not a catcher of this kind; null: catches every code; string: the static code. */
function codeOf(
  definition: FlowElement extends never ? never : { type: string },
  kind: ThrowKind,
): string | null | undefined {
  if (definition.type !== kind) return undefined;
  const typed = definition as {
    errorCode?: { staticValue: unknown } | null;
    escalationCode?: { staticValue: unknown } | null;
  };
  const expression = kind === 'error' ? typed.errorCode : typed.escalationCode;
  return expression ? String(expression.staticValue) : null;
}

function pick<T>(
  candidates: T[],
  code: (candidate: T) => string | null | undefined,
  thrown: string,
): T | undefined {
  return (
    candidates.find((candidate) => code(candidate) === thrown) ??
    candidates.find((candidate) => code(candidate) === null)
  );
}
