/**
 * Checks that need the whole graph: start/end/boundary connectivity, gateway conditions and default flows,
 * event-based gateway targets, link pairs, unique message start names. Also fills boundaryEventIds and
 * linkTargetId, the only links that can be resolved only once every element exists.
 */
import type { ProcessBuilder } from './process-builder.js';
import type { BoundaryEvent, FlowElement, Gateway, IntermediateThrowEvent } from './process-model.js';
import { isActivity } from './process-model.js';

type Check = (b: ProcessBuilder, element: FlowElement) => void;

function noIncoming(b: ProcessBuilder, element: FlowElement, what: string): void {
  if (element.incoming.length > 0) b.fail(element.id, `${what} cannot have incoming sequence flows`);
}

function noConditionsOnOutgoing(b: ProcessBuilder, element: FlowElement): void {
  const conditional = element.outgoing.find((flow) => flow.condition !== null);
  if (conditional) {
    b.fail(
      conditional.id,
      'conditions on sequence flows are only supported after exclusive and inclusive gateways',
    );
  }
}

function checkGateway(b: ProcessBuilder, gateway: Gateway): void {
  if (gateway.kind === 'exclusiveGateway' || gateway.kind === 'inclusiveGateway') {
    const { defaultFlowId, outgoing } = gateway;
    if (defaultFlowId !== null) {
      const flow = outgoing.find((candidate) => candidate.id === defaultFlowId);
      if (!flow)
        b.fail(gateway.id, `the default flow '${defaultFlowId}' is not an outgoing flow of the gateway`);
      if (flow.condition) b.fail(gateway.id, `the default flow '${defaultFlowId}' must not have a condition`);
    }
    if (outgoing.length > 1) {
      const missing = outgoing.find((flow) => flow.id !== defaultFlowId && flow.condition === null);
      if (missing)
        b.fail(
          gateway.id,
          `the outgoing flow '${missing.id}' needs a condition (or must be the default flow)`,
        );
    }
    return;
  }
  if (gateway.kind === 'eventBasedGateway') {
    if (gateway.outgoing.length < 2)
      b.fail(gateway.id, 'an event-based gateway needs at least two outgoing flows');
    for (const flow of gateway.outgoing) {
      const target = b.elements.get(flow.targetId);
      const ok =
        target?.kind === 'intermediateCatchEvent' &&
        ['timer', 'message', 'signal'].includes(target.eventDefinition.type);
      if (!ok)
        b.fail(
          gateway.id,
          `the flow '${flow.id}' must lead to a timer, message or signal intermediate catch event`,
        );
      if (target.incoming.length > 1)
        b.fail(target.id, 'an event after an event-based gateway can have only that incoming flow');
    }
  }
}

function checkBoundary(b: ProcessBuilder, boundary: BoundaryEvent): void {
  noIncoming(b, boundary, 'a boundary event');
  const host = b.elements.get(boundary.attachedToId);
  if (!host || !isActivity(host))
    b.fail(boundary.id, `it is attached to '${boundary.attachedToId}', which is not an activity`);
  if (host.parentId !== boundary.parentId)
    b.fail(boundary.id, 'it must be in the same scope as its activity');
  if (boundary.outgoing.length === 0) b.fail(boundary.id, 'a boundary event needs an outgoing sequence flow');
  host.boundaryEventIds.push(boundary.id);
}

function resolveLink(b: ProcessBuilder, link: IntermediateThrowEvent): void {
  if (link.eventDefinition.type !== 'link') return;
  const name = link.eventDefinition.linkName;
  const catches = [...b.elements.values()].filter(
    (candidate) =>
      candidate.kind === 'intermediateCatchEvent' &&
      candidate.parentId === link.parentId &&
      candidate.eventDefinition.type === 'link' &&
      candidate.eventDefinition.linkName === name,
  );
  const [target] = catches;
  if (!target) b.fail(link.id, `no link catch event named '${name}' in the same scope`);
  if (catches.length > 1)
    b.fail(target.id, `several link catch events are named '${name}' in the same scope`);
  link.linkTargetId = target.id;
}

const checks: Partial<Record<FlowElement['kind'], Check>> = {
  startEvent: (b, element) => noIncoming(b, element, 'a start event'),
  endEvent: (b, element) => {
    if (element.outgoing.length > 0) b.fail(element.id, 'an end event cannot have outgoing sequence flows');
  },
  boundaryEvent: (b, element) => checkBoundary(b, element as BoundaryEvent),
  intermediateCatchEvent: (b, element) => {
    if (element.kind === 'intermediateCatchEvent' && element.eventDefinition.type === 'link')
      noIncoming(b, element, 'a link catch event');
  },
  intermediateThrowEvent: (b, element) => resolveLink(b, element as IntermediateThrowEvent),
  exclusiveGateway: (b, element) => checkGateway(b, element as Gateway),
  inclusiveGateway: (b, element) => checkGateway(b, element as Gateway),
  parallelGateway: (b, element) => checkGateway(b, element as Gateway),
  eventBasedGateway: (b, element) => checkGateway(b, element as Gateway),
  eventSubProcess: (b, element) => {
    if (element.incoming.length > 0 || element.outgoing.length > 0) {
      b.fail(element.id, 'an event sub-process cannot have incoming or outgoing sequence flows');
    }
  },
};

export function validateModel(b: ProcessBuilder): void {
  for (const element of b.elements.values()) {
    if (element.kind !== 'exclusiveGateway' && element.kind !== 'inclusiveGateway')
      noConditionsOnOutgoing(b, element);
    checks[element.kind]?.(b, element);
  }
}
