import { Type } from '@sinclair/typebox';
import type { EngineApi, Incident, SearchQuery } from '../../../engine-api.js';
import { noContent, ok, route, type RestRoute } from '../rest-route.js';
import { refinedSearch } from '../search-refinement.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import {
  advancedDateTimeFilter,
  keyFilter,
  searchSchema,
  stringFilter,
  toSearchQuery,
  toSearchResponse,
} from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

/** Camunda 8.8's incident error types and states, as its filter takes them. */
const ERROR_TYPES = [
  'UNSPECIFIED',
  'UNKNOWN',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'EXECUTION_LISTENER_NO_RETRIES',
  'TASK_LISTENER_NO_RETRIES',
  'AD_HOC_SUB_PROCESS_NO_RETRIES',
  'CONDITION_ERROR',
  'EXTRACT_VALUE_ERROR',
  'CALLED_ELEMENT_ERROR',
  'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED',
  'CALLED_DECISION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'FORM_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
];
const INCIDENT_STATES = ['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'];

const filter = Type.Object(
  {
    incidentKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(stringFilter),
    elementInstanceKey: Type.Optional(keyFilter),
    elementId: Type.Optional(stringFilter),
    errorType: Type.Optional(Type.Union(ERROR_TYPES.map((type) => Type.Literal(type)))),
    errorMessage: Type.Optional(Type.String()),
    state: Type.Optional(Type.Union(INCIDENT_STATES.map((state) => Type.Literal(state)))),
    jobKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(stringFilter),
    creationTime: Type.Optional(advancedDateTimeFilter),
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

const incidentSearch = (engine: EngineApi, query: SearchQuery<Partial<Incident>>) =>
  engine.searchIncidents(query);

export const incidentRoutes: RestRoute[] = [
  // Camunda 8.8's incidents of one process instance: the incident search with the instance fixed.
  route({
    method: 'post',
    path: '/process-instances/:processInstanceKey/incidents/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ params, body, engine }) => {
      const query = toSearchQuery<Record<string, unknown>>(body);
      const fixed = {
        ...query,
        filter: { ...query.filter, processInstanceKey: params.processInstanceKey ?? '' },
      };
      const found = await refinedSearch(
        (each) => incidentSearch(engine, each as SearchQuery<Partial<Incident>>),
        fixed,
        new Set(['creationTime']),
      );
      return ok(toSearchResponse(found, toResult, query.page));
    },
  }),
  ...searchAndGetRoutes({
    path: '/incidents',
    keyName: 'incidentKey',
    label: 'Incident',
    filter,
    sortFields,
    dateFields: ['creationTime'],
    search: incidentSearch,
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
