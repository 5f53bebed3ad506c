import { Type } from '@sinclair/typebox';
import type { Variable } from '../../../engine-api.js';
import { findOne } from '../find-one.js';
import { ok, route, type RestRoute } from '../rest-route.js';
import { keyFilter, searchSchema, stringFilter, toSearchQuery, toSearchResponse } from '../search-query.js';

const filter = Type.Object(
  {
    name: Type.Optional(stringFilter),
    value: Type.Optional(stringFilter),
    variableKey: Type.Optional(keyFilter),
    scopeKey: Type.Optional(keyFilter),
    processInstanceKey: Type.Optional(keyFilter),
    tenantId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const variableSortFields = [
  'value',
  'name',
  'tenantId',
  'variableKey',
  'scopeKey',
  'processInstanceKey',
];

/** The engine never truncates values, so every value is whole. */
export function toVariableResult(variable: Variable): object {
  return { ...variable, isTruncated: false };
}

export const variableRoutes: RestRoute[] = [
  route({
    method: 'post',
    path: '/variables/search',
    body: searchSchema(filter, variableSortFields),
    bodyOptional: true,
    handle: async ({ body, engine }) =>
      ok(toSearchResponse(await engine.searchVariables(toSearchQuery(body)), toVariableResult)),
  }),
  route({
    method: 'get',
    path: '/variables/:variableKey',
    handle: async ({ params, engine }) => {
      const variableKey = params.variableKey ?? '';
      const query = { filter: { variableKey }, page: { limit: 1 } };
      return ok(await findOne(engine.searchVariables(query), 'Variable', variableKey));
    },
  }),
];
