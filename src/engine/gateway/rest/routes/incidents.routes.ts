import { Type } from '@sinclair/typebox';
import type { Incident } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';
import { keyFilter, searchSchema, stringFilter, toSearchQuery, toSearchResponse } from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

const filter = Type.Object(
  {
    incidentKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(stringFilter),
    elementInstanceKey: Type.Optional(keyFilter),
    elementId: Type.Optional(stringFilter),
    errorType: Type.Optional(Type.String()),
    errorMessage: Type.Optional(Type.String()),
    state: Type.Optional(Type.String()),
    jobKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(stringFilter),
  },
  { additionalProperties: false },
);

const sortFields = [
  'incidentKey',
  'processInstanceKey',
  'processDefinitionKey',
  'processDefinitionId',
  'errorType',
  'errorMessage',
  'elementId',
  'elementInstanceKey',
  'creationTime',
  'state',
  'jobKey',
  'tenantId',
];

function toResult(incident: Incident): object {
  return compact({ ...incident, creationTime: isoDate(incident.creationTime) });
}

export const incidentRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/incidents/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) =>
      ok(toSearchResponse(await engine.searchIncidents(toSearchQuery(body)), toResult)),
  }),
  route({
    method: 'post',
    path: '/incidents/:incidentKey/resolution',
    body: Type.Object({ operationReference: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
    bodyOptional: true,
    handle: async ({ params, engine }) => {
      await engine.resolveIncident(params.incidentKey ?? '');
      return noContent;
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:incidentKey',
    handle: async ({ params, engine }) => {
      const incidentKey = params.incidentKey ?? '';
      const query = { filter: { incidentKey }, page: { limit: 1 } };
      return ok(toResult(await findOne(engine.searchIncidents(query), 'Incident', incidentKey)));
    },
  }),
];
