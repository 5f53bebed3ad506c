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

/** Whole values unless the camunda-8.8 profile cut them. */
export function toVariableResult(variable: Variable): object {
  return { ...variable, isTruncated: variable.isTruncated ?? false };
}

/** Camunda's `?truncateValues=false` asks for whole values. */
export function truncateValuesOf(query: Record<string, unknown>): { truncateValues?: boolean } {
  return query.truncateValues === 'false' ? { truncateValues: false } : {};
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
