import type { CreateInstanceCommand, CreatedInstance } from '../../engine-api.js';
import { EngineError } from '../../engine-api.js';
import { parseVariablesJson } from '../variables-json.js';
import type {
  CreateProcessInstanceRequest,
  CreateProcessInstanceWithResultRequest,
  ModifyProcessInstanceRequest,
  ProcessInstanceKeyRequest,
  SetVariablesRequest,
} from './grpc-messages.js';
import { millis, optionalKey, unary } from './grpc-handler.js';

/** Zeebe's gateway waits this long for a result when the client does not say. */
const defaultResultTimeoutMs = 20_000;

function toCreateCommand(request: CreateProcessInstanceRequest): CreateInstanceCommand {
  const processDefinitionKey = optionalKey(request.processDefinitionKey);
  if (!processDefinitionKey && !request.bpmnProcessId) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      'Expected either a processDefinitionKey or a bpmnProcessId, but none given',
    );
  }
  return {
    bpmnProcessId: request.bpmnProcessId || undefined,
    processDefinitionKey,
    // The SDK sends -1 for "latest"; proto3's absent value is 0.
    version: request.version > 0 ? request.version : -1,
    variables: parseVariablesJson(request.variables),
    startInstructions: request.startInstructions.length > 0 ? request.startInstructions : undefined,
    tenantId: request.tenantId || undefined,
    operationReference: optionalKey(request.operationReference),
  };
}

function toCreatedMessage(created: CreatedInstance): object {
  return {
    processDefinitionKey: created.processDefinitionKey,
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: created.processInstanceKey,
    tenantId: created.tenantId,
  };
}

export const createProcessInstanceHandler = unary<CreateProcessInstanceRequest, object>(
  async (request, { engine }) => toCreatedMessage(await engine.createInstance(toCreateCommand(request))),
);

export const createProcessInstanceWithResultHandler = unary<CreateProcessInstanceWithResultRequest, object>(
  async (request, { engine }) => {
    if (!request.request)
      throw new EngineError('INVALID_ARGUMENT', "Expected argument 'request', but none given");
    const requestTimeoutMs =
      millis(request.requestTimeout) > 0 ? millis(request.requestTimeout) : defaultResultTimeoutMs;
    const result = await engine.createInstanceWithResult(toCreateCommand(request.request), {
      requestTimeoutMs,
      fetchVariables: request.fetchVariables.length > 0 ? request.fetchVariables : undefined,
    });
    return { ...toCreatedMessage(result), variables: JSON.stringify(result.variables) };
  },
);

export const cancelProcessInstanceHandler = unary<ProcessInstanceKeyRequest, object>(
  async (request, { engine }) => {
    await engine.cancelInstance(request.processInstanceKey);
    return {};
  },
);

export const modifyProcessInstanceHandler = unary<ModifyProcessInstanceRequest, object>(
  async (request, { engine }) => {
    await engine.modifyInstance({
      processInstanceKey: request.processInstanceKey,
      activateInstructions: request.activateInstructions.map((instruction) => ({
        elementId: instruction.elementId,
        ancestorElementInstanceKey: optionalKey(instruction.ancestorElementInstanceKey),
        variableInstructions: instruction.variableInstructions.map((variables) => ({
          variables: parseVariablesJson(variables.variables) ?? {},
          scopeId: variables.scopeId || undefined,
        })),
      })),
      terminateInstructions: request.terminateInstructions,
    });
    return {};
  },
);

export const setVariablesHandler = unary<SetVariablesRequest, object>(async (request, { engine }) => {
  const variables = parseVariablesJson(request.variables);
  if (!variables)
    throw new EngineError('INVALID_ARGUMENT', "Expected argument 'variables' to be a JSON object");
  return engine.setVariables({
    elementInstanceKey: request.elementInstanceKey,
    variables,
    local: request.local,
  });
});
