/**
 * Camunda 8.8's process-instance filter beyond the engine's search (see search-refinement.ts), with `variables`:
 * each `{ name, value }` where `value` is a StringFilterProperty tested against the variable's JSON text in the
 * instance's own scope.
 */
import type {
  EngineApi,
  FilterProperty,
  ProcessInstance,
  SearchQuery,
  SearchResult,
} from '../../engine-api.js';
import { propertyTest } from '../../processing/commands/filter-property.js';
import { ALL_ITEMS, refineAndPage, splitFilter } from './search-refinement.js';

export interface VariableValueFilter {
  name: string;
  value: FilterProperty<string>;
}

const DATE_FIELDS = new Set(['startDate', 'endDate']);
const SKIPPED = new Set(['variables']);

export async function searchProcessInstancesRefined(
  engine: EngineApi,
  query: SearchQuery<Record<string, unknown>>,
): Promise<SearchResult<ProcessInstance>> {
  const { plain, tests } = splitFilter<ProcessInstance>(query.filter, DATE_FIELDS, SKIPPED);
  const variables = (query.filter?.['variables'] ?? []) as VariableValueFilter[];
  if (tests.length === 0 && variables.length === 0)
    return engine.searchProcessInstances(query as SearchQuery<Partial<ProcessInstance>>);
  for (const variable of variables) tests.push(await variableTest(engine, variable));
  return refineAndPage(
    (each) => engine.searchProcessInstances(each as SearchQuery<Partial<ProcessInstance>>),
    query,
    plain,
    tests,
  );
}

/** One search of the variable by name across instances, then a lookup per instance (not one search per instance). */
async function variableTest(
  engine: EngineApi,
  filter: VariableValueFilter,
): Promise<(instance: ProcessInstance) => boolean> {
  const found = await engine.searchVariables({
    filter: { name: filter.name },
    page: { from: 0, limit: ALL_ITEMS },
  });
  const values = new Map<string, string>();
  for (const variable of found.items)
    if (variable.scopeKey === variable.processInstanceKey)
      values.set(variable.processInstanceKey, variable.value);
  const test = propertyTest(filter.value);
  return (instance) => {
    const value = values.get(instance.processInstanceKey);
    return value !== undefined && test(value);
  };
}
