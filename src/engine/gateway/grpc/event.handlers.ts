import { EngineError } from '../../engine-api.js';
import { parseVariablesJson } from '../variables-json.js';
import type {
  BroadcastSignalRequest,
  PublishMessageRequest,
  ResolveIncidentRequest,
} from './grpc-messages.js';
import { millis, unary } from './grpc-handler.js';

export const publishMessageHandler = unary<PublishMessageRequest, object>(async (request, { engine }) => {
  if (!request.name) throw new EngineError('INVALID_ARGUMENT', "Expected argument 'name' to be non-empty");
  return engine.publishMessage({
    name: request.name,
    correlationKey: request.correlationKey,
    timeToLiveMs: millis(request.timeToLive),
    messageId: request.messageId || undefined,
    variables: parseVariablesJson(request.variables),
    tenantId: request.tenantId || undefined,
  });
});

export const broadcastSignalHandler = unary<BroadcastSignalRequest, object>(async (request, { engine }) => {
  if (!request.signalName)
    throw new EngineError('INVALID_ARGUMENT', "Expected argument 'signalName' to be non-empty");
  return engine.broadcastSignal({
    signalName: request.signalName,
    variables: parseVariablesJson(request.variables),
    tenantId: request.tenantId || undefined,
  });
});

export const resolveIncidentHandler = unary<ResolveIncidentRequest, object>(async (request, { engine }) => {
  await engine.resolveIncident(request.incidentKey);
  return {};
});
