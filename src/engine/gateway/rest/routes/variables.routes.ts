import { Type } from '@sinclair/typebox';
import type { SearchQuery, Variable } from '../../../engine-api.js';
import type { RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { keyFilter, stringFilter } from '../search-query.js';

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

export const variableRoutes: RestRoute[] = searchAndGetRoutes({
  path: '/variables',
  keyName: 'variableKey',
  label: 'Variable',
  filter,
  sortFields: variableSortFields,
  search: (engine, query: SearchQuery<Partial<Variable>>) => engine.searchVariables(query),
  toResult: toVariableResult,
});
