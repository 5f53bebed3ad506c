import type { EngineApi, ProcessInstance } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { ok, route, type RestRoute } from '../rest-route.js';

/** Call activities nest at most this deep here: a guard against a parent chain that loops. */
const MAX_DEPTH = 1_000;

function instanceByKey(engine: EngineApi, processInstanceKey: string): Promise<ProcessInstance> {
  return findOne(
    engine.searchProcessInstances({ filter: { processInstanceKey }, page: { limit: 1 } }),
    'Process instance',
    processInstanceKey,
  );
}

/**
 * Camunda 8.8's `GET /v2/process-instances/{key}/call-hierarchy`: the instance's ancestry through call activities,
 * from the root instance down to the instance itself.
 */
export const callHierarchyRoutes: RestRoute[] = [
  route({
    method: 'get',
    path: '/process-instances/:processInstanceKey/call-hierarchy',
    handle: async ({ params, engine }) => {
      const chain: ProcessInstance[] = [await instanceByKey(engine, params.processInstanceKey ?? '')];
      for (let parent = chain[0]!.parentProcessInstanceKey; parent && chain.length < MAX_DEPTH;) {
        const instance = await instanceByKey(engine, parent);
        chain.unshift(instance);
        parent = instance.parentProcessInstanceKey;
      }
      return ok(
        chain.map((instance) => ({
          processInstanceKey: instance.processInstanceKey,
          processDefinitionKey: instance.processDefinitionKey,
          processDefinitionName: instance.processDefinitionName ?? instance.processDefinitionId,
        })),
      );
    },
  }),
];
