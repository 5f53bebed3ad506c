/** Second pass: resolves sequence flows between the parsed nodes and links them as incoming/outgoing. */
import type { ProcessBuilder } from './process-builder.js';
import type { SequenceFlow } from './process-model.js';
import { attr, expressionBody, ref } from './moddle-access.js';
import type { PendingFlow } from './scope-walker.js';

export function parseSequenceFlows(b: ProcessBuilder, pending: PendingFlow[]): void {
  for (const { element, parentId } of pending) {
    const id = element.id;
    if (!id) b.fail('(no id)', 'a sequence flow has no id');
    const sourceId = ref(element, 'sourceRef')?.id;
    const targetId = ref(element, 'targetRef')?.id;
    const source = sourceId ? b.elements.get(sourceId) : undefined;
    const target = targetId ? b.elements.get(targetId) : undefined;
    if (!source || !target || !sourceId || !targetId) {
      b.fail(
        id,
        `the sequence flow must connect two existing flow nodes (source '${sourceId ?? ''}', target '${targetId ?? ''}')`,
      );
    }
    if (source.parentId !== parentId || target.parentId !== parentId) {
      b.fail(id, 'the sequence flow must connect elements of the same (sub-)process');
    }
    const conditionText = expressionBody(ref(element, 'conditionExpression'));
    const flow: SequenceFlow = {
      id,
      name: attr(element, 'name') ?? null,
      sourceId,
      targetId,
      condition: conditionText ? b.expression(id, 'condition', conditionText, { feelOnly: true }) : null,
    };
    if (b.flows.has(id) || b.elements.has(id)) b.fail(id, 'the id is used by more than one element');
    b.flows.set(id, flow);
    source.outgoing.push(flow);
    target.incoming.push(flow);
  }
}
