import { Type } from '@sinclair/typebox';
import { EngineError, type ActivatedJob } from '../../../engine-api.js';
import { activateWithLongPoll } from '../../job-long-poll.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';

const strict = { additionalProperties: false } as const;
const variables = Type.Record(Type.String(), Type.Unknown());
/** Camunda sends int64 numbers (timeouts, back-offs) as JSON numbers or, from bigint clients, as digit strings. */
const millis = Type.Union([Type.Integer(), Type.String({ pattern: '^-?[0-9]{1,19}$' })]);

/** The gateway's long poll when the request leaves requestTimeout at 0, as Zeebe's. */
const defaultLongPollMs = 10_000;

const activationBody = Type.Object(
  {
    type: Type.String({ minLength: 1 }),
    worker: Type.Optional(Type.String()),
    timeout: millis,
    maxJobsToActivate: Type.Integer({ minimum: 1 }),
    fetchVariable: Type.Optional(Type.Array(Type.String())),
    requestTimeout: Type.Optional(millis),
    tenantIds: Type.Optional(Type.Array(Type.String())),
  },
  strict,
);

function toActivatedJobResult(job: ActivatedJob): object {
  return {
    jobKey: job.key,
    type: job.type,
    processDefinitionId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: job.customHeaders,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables: job.variables,
    tenantId: job.tenantId,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
  };
}

/**
 * Camunda 8.8's job endpoints: activation (long-polled like gRPC ActivateJobs), completion, failure, error, and
 * `PATCH /v2/jobs/{jobKey}`, a changeset of retries and/or timeout (what an incident's retry needs).
 */
export const jobRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/jobs/activation',
    body: activationBody,
    handle: async ({ body, engine }) => {
      const timeoutMs = Number(body.timeout);
      if (timeoutMs < 1)
        throw new EngineError('INVALID_ARGUMENT', 'Expected timeout to be greater than zero');
      const requested = Number(body.requestTimeout ?? 0);
      const jobs = await activateWithLongPoll(
        engine,
        {
          type: body.type,
          worker: body.worker ?? '',
          timeoutMs,
          maxJobsToActivate: body.maxJobsToActivate,
          ...(body.fetchVariable?.length ? { fetchVariables: body.fetchVariable } : {}),
          ...(body.tenantIds?.length ? { tenantIds: body.tenantIds } : {}),
        },
        requested === 0 ? defaultLongPollMs : requested,
      );
      return ok({ jobs: jobs.map(toActivatedJobResult) });
    },
  }),
  route({
    method: 'post',
    path: '/jobs/:jobKey/completion',
    body: Type.Object(
      {
        variables: Type.Optional(Type.Union([variables, Type.Null()])),
        result: Type.Optional(Type.Unknown()),
      },
      strict,
    ),
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      if (body.result !== undefined && body.result !== null)
        throw new EngineError(
          'INVALID_ARGUMENT',
          'Expected no job result: results (corrections, ad-hoc activations) answer task listeners and ad-hoc sub-processes, which this engine does not run',
        );
      await engine.completeJob(params.jobKey ?? '', body.variables ?? undefined);
      return noContent;
    },
  }),
  route({
    method: 'post',
    path: '/jobs/:jobKey/failure',
    body: Type.Object(
      {
        retries: Type.Optional(Type.Integer({ minimum: 0 })),
        errorMessage: Type.Optional(Type.String()),
        retryBackOff: Type.Optional(millis),
        variables: Type.Optional(variables),
      },
      strict,
    ),
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      await engine.failJob({
        jobKey: params.jobKey ?? '',
        retries: body.retries ?? 0,
        ...(body.errorMessage !== undefined ? { errorMessage: body.errorMessage } : {}),
        retryBackOffMs: Math.max(0, Number(body.retryBackOff ?? 0)),
        ...(body.variables ? { variables: body.variables } : {}),
      });
      return noContent;
    },
  }),
  route({
    method: 'post',
    path: '/jobs/:jobKey/error',
    body: Type.Object(
      {
        errorCode: Type.String({ minLength: 1 }),
        errorMessage: Type.Optional(Type.Union([Type.String(), Type.Null()])),
        variables: Type.Optional(Type.Union([variables, Type.Null()])),
      },
      strict,
    ),
    handle: async ({ params, body, engine }) => {
      await engine.throwError({
        jobKey: params.jobKey ?? '',
        errorCode: body.errorCode,
        ...(body.errorMessage ? { errorMessage: body.errorMessage } : {}),
        ...(body.variables ? { variables: body.variables } : {}),
      });
      return noContent;
    },
  }),
  route({
    method: 'patch',
    path: '/jobs/:jobKey',
    body: Type.Object(
      {
        changeset: Type.Object(
          {
            retries: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
            timeout: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
          },
          strict,
        ),
        operationReference: Type.Optional(Type.Integer()),
      },
      strict,
    ),
    handle: async ({ params, body, engine }) => {
      const jobKey = params.jobKey ?? '';
      const { retries, timeout } = body.changeset;
      if (typeof retries === 'number') await engine.updateJobRetries(jobKey, retries);
      if (typeof timeout === 'number') await engine.updateJobTimeout(jobKey, timeout);
      return noContent;
    },
  }),
];
