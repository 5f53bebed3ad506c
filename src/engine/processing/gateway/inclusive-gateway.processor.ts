/**
 * Inclusive gateway: forks to every flow whose condition is true (else the default flow). The join side — waiting
 * for all tokens that can still arrive — is done by JoinBehavior before the gateway is activated.
 */
import type { Gateway } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { chosenFlows, selectFlows } from './flow-selection.js';

export const inclusiveGatewayProcessor: ElementProcessor<Gateway> = {
  onActivate: (ctx, element, instance) =>
    element.outgoing.length <= 1 && !element.outgoing[0]?.condition
      ? (ctx.flow.complete(instance), { ok: true })
      : selectFlows(ctx, element, instance, true),
  outgoing: (_ctx, element, instance) =>
    element.outgoing.length <= 1 && !element.outgoing[0]?.condition
      ? element.outgoing
      : chosenFlows(instance),
};
