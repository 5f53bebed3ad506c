/** Exclusive gateway: the first flow whose condition is true, else the default flow, else an incident. */
import type { Gateway } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { chosenFlows, selectFlows } from './flow-selection.js';

export const exclusiveGatewayProcessor: ElementProcessor<Gateway> = {
  onActivate: (ctx, element, instance) =>
    element.outgoing.length === 0
      ? (ctx.flow.complete(instance), { ok: true })
      : selectFlows(ctx, element, instance, false),
  outgoing: (_ctx, _element, instance) => chosenFlows(instance),
};
