import type { ActivatedJob } from '../../engine-api.js';
import { parseVariablesJson } from '../variables-json.js';
import type {
  ActivatedJobMessage,
  CompleteJobRequest,
  FailJobRequest,
  ThrowErrorRequest,
  UpdateJobRetriesRequest,
  UpdateJobTimeoutRequest,
} from './grpc-messages.js';
import { millis, unary } from './grpc-handler.js';

export function toActivatedJobMessage(job: ActivatedJob): ActivatedJobMessage {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: job.tenantId,
  };
}

export const completeJobHandler = unary<CompleteJobRequest, object>(async (request, { engine }) => {
  await engine.completeJob(request.jobKey, parseVariablesJson(request.variables));
  return {};
});

export const failJobHandler = unary<FailJobRequest, object>(async (request, { engine }) => {
  await engine.failJob({
    jobKey: request.jobKey,
    retries: request.retries,
    errorMessage: request.errorMessage || undefined,
    retryBackOffMs: millis(request.retryBackOff) || undefined,
    variables: parseVariablesJson(request.variables),
  });
  return {};
});

export const throwErrorHandler = unary<ThrowErrorRequest, object>(async (request, { engine }) => {
  await engine.throwError({
    jobKey: request.jobKey,
    errorCode: request.errorCode,
    errorMessage: request.errorMessage || undefined,
    variables: parseVariablesJson(request.variables),
  });
  return {};
});

export const updateJobRetriesHandler = unary<UpdateJobRetriesRequest, object>(async (request, { engine }) => {
  await engine.updateJobRetries(request.jobKey, request.retries);
  return {};
});

export const updateJobTimeoutHandler = unary<UpdateJobTimeoutRequest, object>(async (request, { engine }) => {
  await engine.updateJobTimeout(request.jobKey, millis(request.timeout));
  return {};
});
