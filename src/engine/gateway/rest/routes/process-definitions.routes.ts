import { Type } from '@sinclair/typebox';
import { EngineError, type ProcessDefinition } from '../../../engine-api.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import { keyFilter, searchSchema, stringFilter, toSearchQuery, toSearchResponse } from '../search-query.js';
import { compact } from '../wire-format.js';

const filter = Type.Object(
  {
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(stringFilter),
    name: Type.Optional(stringFilter),
    resourceName: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    versionTag: Type.Optional(Type.String()),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

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
      ok(toSearchResponse(await engine.searchProcessDefinitions(toSearchQuery(body)), toResult)),
  }),
  route({
    method: 'get',
    path: '/process-definitions/:processDefinitionKey',
    handle: async ({ params, engine }) =>
      ok(toResult(await getDefinition(engine, params.processDefinitionKey ?? ''))),
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
