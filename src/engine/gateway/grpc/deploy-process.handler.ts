import { EngineError } from '../../engine-api.js';
import { checkDeployableResources } from '../resources.js';
import { unary } from './grpc-handler.js';

interface DeployProcessRequest {
  processes: { name: string; definition: Buffer }[];
}

/** Zeebe's deprecated DeployProcess (replaced by DeployResource since 8.0), still in gateway.proto: BPMN only. */
export const deployProcessHandler = unary<DeployProcessRequest, object>(async (request, { engine }) => {
  const resources = request.processes.map((process) => ({ name: process.name, content: process.definition }));
  checkDeployableResources(resources);
  const notBpmn = resources.find((resource) => !/\.(bpmn|xml)$/i.test(resource.name));
  if (notBpmn)
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected DeployProcess to carry BPMN resources only, but got '${notBpmn.name}': deploy other resources with DeployResource`,
    );
  const result = await engine.deploy(resources);
  return {
    key: result.key,
    processes: result.processes.map((process) => ({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      processDefinitionKey: process.processDefinitionKey,
      resourceName: process.resourceName,
      tenantId: process.tenantId,
    })),
  };
});
