/**
 * Camunda 8.8's deployed resources by key: a process definition or a form. Deletion is the gRPC DeleteResource;
 * the content is the deployed BPMN or form schema as a JSON string, as Camunda answers it.
 */
import { Type } from '@sinclair/typebox';
import { EngineError, type EngineApi } from '../../../engine-api.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';
import { compact } from '../wire-format.js';

interface ResourceFound {
  metadata: object;
  content: string;
}

async function findResource(engine: EngineApi, resourceKey: string): Promise<ResourceFound> {
  const definitions = await engine.searchProcessDefinitions({
    filter: { processDefinitionKey: resourceKey },
    page: { limit: 1 },
  });
  const definition = definitions.items[0];
  if (definition)
    return {
      metadata: compact({
        resourceKey,
        resourceId: definition.processDefinitionId,
        resourceName: definition.resourceName,
        version: definition.version,
        versionTag: definition.versionTag ?? undefined,
        tenantId: definition.tenantId,
      }),
      content: await engine.getProcessDefinitionXml(resourceKey),
    };
  const form = await engine.getForm(resourceKey).catch((error: unknown) => {
    if (error instanceof EngineError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (form)
    return {
      metadata: { resourceKey, resourceId: form.formId, version: form.version, tenantId: form.tenantId },
      content: form.schema,
    };
  throw new EngineError(
    'NOT_FOUND',
    `Expected to find a resource with key '${resourceKey}', but none was found`,
  );
}

export const resourceRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/resources/:resourceKey/deletion',
    body: Type.Union([
      Type.Object(
        { operationReference: Type.Optional(Type.Integer({ minimum: 1 })) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    bodyOptional: true,
    handle: async ({ params, engine }) => {
      await engine.deleteResource(params.resourceKey ?? '');
      return noContent;
    },
  }),
  route({
    method: 'get',
    path: '/resources/:resourceKey',
    handle: async ({ params, engine }) => ok((await findResource(engine, params.resourceKey ?? '')).metadata),
  }),
  route({
    method: 'get',
    path: '/resources/:resourceKey/content',
    handle: async ({ params, engine }) => ok((await findResource(engine, params.resourceKey ?? '')).content),
  }),
];
