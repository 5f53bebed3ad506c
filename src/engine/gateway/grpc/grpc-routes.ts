import type { UnaryHandler } from './grpc-handler.js';
import { deleteResourceHandler, deployResourceHandler } from './deployment.handlers.js';
import { evaluateDecisionHandler } from './decision.handlers.js';
import { broadcastSignalHandler, publishMessageHandler, resolveIncidentHandler } from './event.handlers.js';
import {
  completeJobHandler,
  failJobHandler,
  throwErrorHandler,
  updateJobRetriesHandler,
  updateJobTimeoutHandler,
} from './job.handlers.js';
import {
  cancelProcessInstanceHandler,
  createProcessInstanceHandler,
  createProcessInstanceWithResultHandler,
  modifyProcessInstanceHandler,
  setVariablesHandler,
} from './process-instance.handlers.js';
import { topologyHandler } from './topology.handler.js';
import { migrateProcessInstanceHandler } from './migration.handler.js';
import { deployProcessHandler } from './deploy-process.handler.js';

/** The unary RPCs this gateway serves; any method of gateway.proto not listed here answers UNIMPLEMENTED. */
export const unaryRoutes: Readonly<Record<string, UnaryHandler>> = {
  Topology: topologyHandler,
  DeployResource: deployResourceHandler,
  DeleteResource: deleteResourceHandler,
  CreateProcessInstance: createProcessInstanceHandler,
  CreateProcessInstanceWithResult: createProcessInstanceWithResultHandler,
  CancelProcessInstance: cancelProcessInstanceHandler,
  ModifyProcessInstance: modifyProcessInstanceHandler,
  SetVariables: setVariablesHandler,
  CompleteJob: completeJobHandler,
  FailJob: failJobHandler,
  ThrowError: throwErrorHandler,
  UpdateJobRetries: updateJobRetriesHandler,
  UpdateJobTimeout: updateJobTimeoutHandler,
  PublishMessage: publishMessageHandler,
  BroadcastSignal: broadcastSignalHandler,
  ResolveIncident: resolveIncidentHandler,
  EvaluateDecision: evaluateDecisionHandler,
  MigrateProcessInstance: migrateProcessInstanceHandler,
  DeployProcess: deployProcessHandler,
};
