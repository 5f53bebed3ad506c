import { Type } from '@sinclair/typebox';
import type { Incident, SearchQuery } from '../../../engine-api.js';
import { noContent, route, type RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { keyFilter, stringFilter } from '../search-query.js';
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
  ...searchAndGetRoutes({
    path: '/incidents',
    keyName: 'incidentKey',
    label: 'Incident',
    filter,
    sortFields,
    search: (engine, query: SearchQuery<Partial<Incident>>) => engine.searchIncidents(query),
    toResult,
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
];
