/**
 * Request messages of gateway.proto as @grpc/proto-loader decodes them (keepCase, longs as strings, enums as
 * strings, defaults on): every field is present, int64 fields are decimal strings, absent keys are "0".
 */

export interface ResourceMessage {
  name: string;
  content: Buffer;
}

export interface DeployResourceRequest {
  resources: ResourceMessage[];
  tenantId: string;
}

export interface CreateProcessInstanceRequest {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
  /** proto3 `optional uint64`: absent, or a decimal string (longs: String). */
  operationReference?: string;
}

export interface CreateProcessInstanceWithResultRequest {
  request: CreateProcessInstanceRequest | null;
  requestTimeout: string;
  fetchVariables: string[];
}

export interface ProcessInstanceKeyRequest {
  processInstanceKey: string;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  timeout: string;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: string;
  tenantIds: string[];
}

export interface StreamActivatedJobsRequest {
  type: string;
  worker: string;
  timeout: string;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface CompleteJobRequest {
  jobKey: string;
  variables: string;
}

export interface FailJobRequest {
  jobKey: string;
  retries: number;
  errorMessage: string;
  retryBackOff: string;
  variables: string;
}

export interface ThrowErrorRequest {
  jobKey: string;
  errorCode: string;
  errorMessage: string;
  variables: string;
}

export interface UpdateJobRetriesRequest {
  jobKey: string;
  retries: number;
}

export interface UpdateJobTimeoutRequest {
  jobKey: string;
  timeout: string;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  timeToLive: string;
  messageId: string;
  variables: string;
  tenantId: string;
}

export interface SetVariablesRequest {
  elementInstanceKey: string;
  variables: string;
  local: boolean;
}

export interface ResolveIncidentRequest {
  incidentKey: string;
}

export interface BroadcastSignalRequest {
  signalName: string;
  variables: string;
  tenantId: string;
}

export interface DeleteResourceRequest {
  resourceKey: string;
}

export interface ModifyProcessInstanceRequest {
  processInstanceKey: string;
  activateInstructions: {
    elementId: string;
    ancestorElementInstanceKey: string;
    variableInstructions: { variables: string; scopeId: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: string }[];
}

export interface MigrateProcessInstanceRequest {
  processInstanceKey: string;
  /** proto3 leaves an unset message field null. */
  migrationPlan: {
    targetProcessDefinitionKey: string;
    mappingInstructions: { sourceElementId: string; targetElementId: string }[];
  } | null;
}

/** The ActivatedJob message as we write it: int64 as strings, headers and variables as JSON text. */
export interface ActivatedJobMessage {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: string;
  worker: string;
  retries: number;
  deadline: string;
  variables: string;
  tenantId: string;
}
