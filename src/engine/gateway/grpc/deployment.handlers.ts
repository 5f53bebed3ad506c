import { checkDeployableResources } from '../resources.js';
import type { DeleteResourceRequest, DeployResourceRequest } from './grpc-messages.js';
import { unary } from './grpc-handler.js';

export const deployResourceHandler = unary<DeployResourceRequest, object>(async (request, { engine }) => {
  const resources = request.resources.map((resource) => ({ name: resource.name, content: resource.content }));
  checkDeployableResources(resources);
  const result = await engine.deploy(resources, request.tenantId || undefined);
  return {
    key: result.key,
    tenantId: result.tenantId,
    deployments: [
      ...result.processes.map((process) => ({
        process: {
          bpmnProcessId: process.bpmnProcessId,
          version: process.version,
          processDefinitionKey: process.processDefinitionKey,
          resourceName: process.resourceName,
          tenantId: process.tenantId,
        },
      })),
      ...result.decisionRequirements.map((graph) => ({
        decisionRequirements: {
          dmnDecisionRequirementsId: graph.decisionRequirementsId,
          dmnDecisionRequirementsName: graph.name,
          version: graph.version,
          decisionRequirementsKey: graph.decisionRequirementsKey,
          resourceName: graph.resourceName,
          tenantId: graph.tenantId,
        },
      })),
      ...result.decisions.map((decision) => ({
        decision: {
          dmnDecisionId: decision.decisionId,
          dmnDecisionName: decision.name,
          version: decision.version,
          decisionKey: decision.decisionKey,
          dmnDecisionRequirementsId: decision.decisionRequirementsId,
          decisionRequirementsKey: decision.decisionRequirementsKey,
          tenantId: decision.tenantId,
        },
      })),
      ...result.forms.map((form) => ({
        form: {
          formId: form.formId,
          version: form.version,
          formKey: form.formKey,
          resourceName: form.resourceName,
          tenantId: form.tenantId,
        },
      })),
    ],
  };
});

export const deleteResourceHandler = unary<DeleteResourceRequest, object>(async (request, { engine }) => {
  await engine.deleteResource(request.resourceKey);
  return {};
});
