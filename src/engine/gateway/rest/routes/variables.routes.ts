import { Type } from '@sinclair/typebox';
import type { SearchQuery, Variable } from '../../../engine-api.js';
import type { RestRoute } from '../rest-route.js';
import { searchAndGetRoutes } from '../search-and-get.js';
import { advancedKeyFilter, advancedStringFilter } from '../search-query.js';

const filter = Type.Object(
  {
    name: Type.Optional(advancedStringFilter),
    value: Type.Optional(advancedStringFilter),
    variableKey: Type.Optional(advancedKeyFilter),
    scopeKey: Type.Optional(advancedKeyFilter),
    processInstanceKey: Type.Optional(advancedKeyFilter),
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
