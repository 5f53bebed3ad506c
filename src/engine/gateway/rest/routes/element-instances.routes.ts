import { Type } from '@sinclair/typebox';
import type { ElementInstance } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import {
  eqFilter,
  keyFilter,
  searchSchema,
  stringFilter,
  toSearchQuery,
  toSearchResponse,
} from '../search-query.js';
import { compact, isoDate } from '../wire-format.js';

const filter = Type.Object(
  {
    elementInstanceKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    processDefinitionKey: Type.Optional(keyFilter),
    processDefinitionId: Type.Optional(stringFilter),
    elementId: Type.Optional(stringFilter),
    elementName: Type.Optional(stringFilter),
    type: Type.Optional(Type.String()),
    state: Type.Optional(
      eqFilter(Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')])),
    ),
    hasIncident: Type.Optional(Type.Boolean()),
    incidentKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(stringFilter),
  },
  { additionalProperties: false },
);

const sortFields = [
  'elementInstanceKey',
  'processInstanceKey',
  'processDefinitionKey',
  'processDefinitionId',
  'startDate',
  'endDate',
  'elementId',
  'elementName',
  'type',
  'state',
  'incidentKey',
  'tenantId',
];

function toResult(element: ElementInstance): object {
  return compact({
    ...element,
    elementName: element.elementName ?? element.elementId,
    startDate: isoDate(element.startDate),
    endDate: isoDate(element.endDate),
  });
}

export const elementInstanceRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/element-instances/search',
    body: searchSchema(filter, sortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) =>
      ok(toSearchResponse(await engine.searchElementInstances(toSearchQuery(body)), toResult)),
  }),
  route({
    method: 'get',
    path: '/element-instances/:elementInstanceKey',
    handle: async ({ params, engine }) => {
      const elementInstanceKey = params.elementInstanceKey ?? '';
      const query = { filter: { elementInstanceKey }, page: { limit: 1 } };
      return ok(
        toResult(await findOne(engine.searchElementInstances(query), 'Element instance', elementInstanceKey)),
      );
    },
  }),
];
