import { EngineError, type ResourceInput } from '../../../engine-api.js';
import { checkDeployableResources } from '../../resources.js';
import { ok, route, type RestRoute } from '../rest-route.js';

export interface RawBody {
  contentType: string;
  payload: Buffer;
}

/** Reads multipart/form-data with the WHATWG parser Node ships, so no extra dependency is needed. */
async function readResources(body: RawBody): Promise<{ resources: ResourceInput[]; tenantId?: string }> {
  if (!body.contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      'Expected a multipart/form-data body with one or more `resources` parts',
    );
  }
  let form: FormData;
  try {
    form = await new Request('http://engine.local/', {
      method: 'POST',
      headers: { 'content-type': body.contentType },
      body: body.payload,
    }).formData();
  } catch (error) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Could not read the multipart body: ${(error as Error).message}`,
    );
  }
  const resources: ResourceInput[] = [];
  for (const part of form.getAll('resources')) {
    if (typeof part === 'string') {
      throw new EngineError('INVALID_ARGUMENT', 'Expected each `resources` part to be a file with a name');
    }
    resources.push({ name: part.name, content: Buffer.from(await part.arrayBuffer()) });
  }
  const tenantId = form.get('tenantId');
  return { resources, tenantId: typeof tenantId === 'string' && tenantId ? tenantId : undefined };
}

export const deploymentRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/deployments',
    raw: true,
    handle: async ({ body, engine }) => {
      const { resources, tenantId } = await readResources(body as RawBody);
      checkDeployableResources(resources);
      const result = await engine.deploy(resources, tenantId);
      return ok({
        deploymentKey: result.key,
        tenantId: result.tenantId,
        deployments: [
          ...result.processes.map((process) => ({
            processDefinition: {
              processDefinitionId: process.bpmnProcessId,
              processDefinitionVersion: process.version,
              resourceName: process.resourceName,
              tenantId: process.tenantId,
              processDefinitionKey: process.processDefinitionKey,
            },
          })),
          ...result.decisionRequirements.map((graph) => ({
            decisionRequirements: {
              decisionRequirementsId: graph.decisionRequirementsId,
              version: graph.version,
              decisionRequirementsName: graph.name,
              tenantId: graph.tenantId,
              resourceName: graph.resourceName,
              decisionRequirementsKey: graph.decisionRequirementsKey,
            },
          })),
          ...result.decisions.map((decision) => ({
            decisionDefinition: {
              decisionDefinitionId: decision.decisionId,
              version: decision.version,
              name: decision.name,
              tenantId: decision.tenantId,
              decisionRequirementsId: decision.decisionRequirementsId,
              decisionDefinitionKey: decision.decisionKey,
              decisionRequirementsKey: decision.decisionRequirementsKey,
            },
          })),
          ...result.forms.map((form) => ({
            form: {
              formId: form.formId,
              version: form.version,
              resourceName: form.resourceName,
              tenantId: form.tenantId,
              formKey: form.formKey,
            },
          })),
        ],
      });
    },
  }),
];
