import { Type } from '@sinclair/typebox';
import { noContent, route, type RestRoute } from '../rest-route.js';

const strict = { additionalProperties: false } as const;

/** Camunda 8.8's `PATCH /v2/jobs/{jobKey}`: a changeset of retries and/or timeout (what an incident's retry needs). */
export const jobRoutes: RestRoute[] = [
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
