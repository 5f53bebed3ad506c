/**
 * Camunda 8.8's statistics and sequence flows, as Operate reads them: element-instance counts per element of a
 * process definition (across its instances) or of one instance, and the sequence flows an instance has taken.
 */
import { Type } from '@sinclair/typebox';
import type { ElementInstance, EngineApi } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { searchProcessInstancesRefined } from '../process-instance-refinement.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import {
  advancedDateTimeFilter,
  advancedStateFilter,
  advancedStringFilter,
  keyFilter,
  stringFilter,
  toSearchQuery,
} from '../search-query.js';
import { flowsOfDefinition } from '../sequence-flows.js';

const strict = { additionalProperties: false } as const;
const ALL = 1_000_000_000;

/** Camunda's ProcessDefinitionStatisticsFilter (the base process-instance fields we serve). */
const statisticsFilter = Type.Object(
  {
    processInstanceKey: Type.Optional(keyFilter),
    state: Type.Optional(
      advancedStateFilter(
        Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]),
      ),
    ),
    hasIncident: Type.Optional(Type.Boolean()),
    startDate: Type.Optional(advancedDateTimeFilter),
    endDate: Type.Optional(advancedDateTimeFilter),
    tenantId: Type.Optional(stringFilter),
    variables: Type.Optional(
      Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), value: advancedStringFilter }, strict), {
        maxItems: 20,
      }),
    ),
  },
  strict,
);

interface ElementStatistics {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

/**
 * Counts per element. A multi-instance body is not counted beside its inner instances (which carry the same element
 * id): the counts are of the tokens a person sees on the activity. An active instance with an incident counts as
 * an incident, not as active, as Operate shows it.
 */
export function elementStatistics(elements: Iterable<ElementInstance>): ElementStatistics[] {
  const byElement = new Map<string, ElementStatistics>();
  for (const element of elements) {
    if (element.type === 'MULTI_INSTANCE_BODY') continue;
    let entry = byElement.get(element.elementId);
    if (!entry) {
      entry = { elementId: element.elementId, active: 0, canceled: 0, incidents: 0, completed: 0 };
      byElement.set(element.elementId, entry);
    }
    if (element.state === 'COMPLETED') entry.completed++;
    else if (element.state === 'TERMINATED') entry.canceled++;
    else if (element.hasIncident) entry.incidents++;
    else entry.active++;
  }
  return [...byElement.values()];
}

async function instanceOf(engine: EngineApi, processInstanceKey: string) {
  return findOne(
    engine.searchProcessInstances({ filter: { processInstanceKey }, page: { limit: 1 } }),
    'Process instance',
    processInstanceKey,
  );
}

async function elementsOfInstance(engine: EngineApi, processInstanceKey: string) {
  return (
    await engine.searchElementInstances({ filter: { processInstanceKey }, page: { from: 0, limit: ALL } })
  ).items;
}

export const statisticsRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/process-definitions/:processDefinitionKey/statistics/element-instances',
    body: Type.Object({ filter: Type.Optional(statisticsFilter) }, strict),
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      const processDefinitionKey = params.processDefinitionKey ?? '';
      // Unknown definitions are Camunda's 404, not empty statistics.
      await findOne(
        engine.searchProcessDefinitions({ filter: { processDefinitionKey }, page: { limit: 1 } }),
        'Process definition',
        processDefinitionKey,
      );
      const elements = (
        await engine.searchElementInstances({
          filter: { processDefinitionKey },
          page: { from: 0, limit: ALL },
        })
      ).items;
      const filter = body?.filter;
      if (!filter || Object.keys(filter).length === 0) return ok({ items: elementStatistics(elements) });
      const query = toSearchQuery<Record<string, unknown>>({ filter: { ...filter, processDefinitionKey } });
      const instances = await searchProcessInstancesRefined(engine, {
        ...query,
        page: { from: 0, limit: ALL },
      });
      const keys = new Set(instances.items.map((instance) => instance.processInstanceKey));
      return ok({
        items: elementStatistics(elements.filter((element) => keys.has(element.processInstanceKey))),
      });
    },
  }),
  route({
    method: 'get',
    path: '/process-instances/:processInstanceKey/statistics/element-instances',
    handle: async ({ params, engine }) => {
      const processInstanceKey = params.processInstanceKey ?? '';
      await instanceOf(engine, processInstanceKey);
      return ok({ items: elementStatistics(await elementsOfInstance(engine, processInstanceKey)) });
    },
  }),
  route({
    method: 'get',
    path: '/process-instances/:processInstanceKey/sequence-flows',
    handle: async ({ params, engine }) => {
      const processInstanceKey = params.processInstanceKey ?? '';
      const instance = await instanceOf(engine, processInstanceKey);
      const elements = await elementsOfInstance(engine, processInstanceKey);
      const completed = new Set<string>();
      const reached = new Set<string>();
      for (const element of elements) {
        reached.add(element.elementId);
        if (element.state === 'COMPLETED') completed.add(element.elementId);
      }
      // A flow was taken when its source completed and its target was reached in this instance: the engine keeps
      // element instances, not every flow record, and this is what an Operate diagram draws from either.
      const flows = await flowsOfDefinition(engine, instance.processDefinitionKey);
      const items = flows
        .filter((flow) => completed.has(flow.sourceId) && reached.has(flow.targetId))
        .map((flow) => ({
          sequenceFlowId: flow.id,
          processInstanceKey,
          processDefinitionKey: instance.processDefinitionKey,
          processDefinitionId: instance.processDefinitionId,
          elementId: flow.id,
          tenantId: instance.tenantId,
        }));
      return ok({ items });
    },
  }),
];
