import { Type } from '@sinclair/typebox';
import { EngineError, type ProcessDefinition, type SearchQuery } from '../../../engine-api.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import {
  advancedStringFilter,
  keyFilter,
  searchSchema,
  toSearchQuery,
  toSearchResponse,
  pageOf,
  type SearchBody,
} from '../search-query.js';
import { refinedSearch } from '../search-refinement.js';
import { compact } from '../wire-format.js';

const filter = Type.Object(
  {
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(advancedStringFilter),
    name: Type.Optional(advancedStringFilter),
    resourceName: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    versionTag: Type.Optional(Type.String()),
    tenantId: Type.Optional(Type.String()),
    isLatestVersion: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Camunda's `isLatestVersion`: only the highest version of each process id (per tenant) is kept. */
async function searchDefinitions(
  engine: Parameters<RestRoute['handle']>[0]['engine'],
  body: SearchBody | undefined,
) {
  const { isLatestVersion, ...rest } = body?.filter ?? {};
  const query = toSearchQuery<Partial<ProcessDefinition>>({ ...body, filter: rest });
  const search = (each: typeof query) =>
    refinedSearch(
      (refined) => engine.searchProcessDefinitions(refined as typeof query),
      each as SearchQuery<Record<string, unknown>>,
      new Set(),
    );
  if (isLatestVersion !== true) return search(query);
  const all = await search({
    ...query,
    page: { from: 0, limit: Number.MAX_SAFE_INTEGER },
  });
  const latest = new Map<string, number>();
  for (const each of all.items) {
    const id = `${each.tenantId}/${each.processDefinitionId}`;
    latest.set(id, Math.max(latest.get(id) ?? 0, each.version));
  }
  const kept = all.items.filter(
    (each) => latest.get(`${each.tenantId}/${each.processDefinitionId}`) === each.version,
  );
  const from = query.page?.from ?? 0;
  return { items: kept.slice(from, from + (query.page?.limit ?? 100)), total: kept.length };
}

const sortFields = [
  'processDefinitionKey',
  'name',
  'resourceName',
  'version',
  'versionTag',
  'processDefinitionId',
  'tenantId',
];

function toResult(definition: ProcessDefinition): object {
  return compact({ ...definition, hasStartForm: false });
}

async function getDefinition(
  engine: Parameters<RestRoute['handle']>[0]['engine'],
  key: string,
): Promise<ProcessDefinition> {
  const found = await engine.searchProcessDefinitions({
    filter: { processDefinitionKey: key },
    page: { limit: 1 },
  });
  const definition = found.items[0];
  if (!definition) throw new EngineError('NOT_FOUND', `Process definition with key '${key}' not found`);
  return definition;
}

export const processDefinitionRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/process-definitions/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) =>
      ok(toSearchResponse(await searchDefinitions(engine, body), toResult, pageOf(body?.page))),
  }),
  route({
    method: 'get',
    path: '/process-definitions/:processDefinitionKey',
    handle: async ({ params, engine }) =>
      ok(toResult(await getDefinition(engine, params.processDefinitionKey ?? ''))),
  }),
  // Start forms are not supported by the engine (hasStartForm is false): Camunda's 204, "no form associated".
  route({
    method: 'get',
    path: '/process-definitions/:processDefinitionKey/form',
    handle: async ({ params, engine }) => {
      await getDefinition(engine, params.processDefinitionKey ?? '');
      return { status: 204 };
    },
  }),
  route({
    method: 'get',
    path: '/process-definitions/:processDefinitionKey/xml',
    handle: async ({ params, engine }) => ({
      status: 200,
      contentType: 'text/xml',
      body: await engine.getProcessDefinitionXml(params.processDefinitionKey ?? ''),
    }),
  }),
];
