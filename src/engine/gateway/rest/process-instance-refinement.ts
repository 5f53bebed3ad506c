/**
 * Camunda 8.8's process-instance filter beyond the engine's search (see search-refinement.ts), with `variables`:
 * each `{ name, value }` where `value` is a StringFilterProperty tested against the variable's JSON text in the
 * instance's own scope; and `$or`: groups of the same fields, one of which must hold besides the top-level fields.
 */
import type {
  EngineApi,
  FilterProperty,
  ProcessInstance,
  SearchQuery,
  SearchResult,
} from '../../engine-api.js';
import { propertyTest } from '../../processing/commands/filter-property.js';
import { ALL_ITEMS, refineAndPage, splitFilter, type ItemTest } from './search-refinement.js';

export interface VariableValueFilter {
  name: string;
  value: FilterProperty<string>;
}

const DATE_FIELDS = new Set(['startDate', 'endDate']);
const SKIPPED = new Set(['variables', '$or']);

export async function searchProcessInstancesRefined(
  engine: EngineApi,
  query: SearchQuery<Record<string, unknown>>,
): Promise<SearchResult<ProcessInstance>> {
  const { plain, tests } = splitFilter<ProcessInstance>(query.filter, DATE_FIELDS, SKIPPED);
  const variables = (query.filter?.['variables'] ?? []) as VariableValueFilter[];
  const alternatives = (query.filter?.['$or'] ?? []) as Record<string, unknown>[];
  if (tests.length === 0 && variables.length === 0 && alternatives.length === 0)
    return engine.searchProcessInstances(query as SearchQuery<Partial<ProcessInstance>>);
  for (const variable of variables) tests.push(await variableTest(engine, variable));
  if (alternatives.length > 0) {
    const groups = await Promise.all(alternatives.map((group) => groupTest(engine, group)));
    tests.push((instance) => groups.some((test) => test(instance)));
  }
  return refineAndPage(
    (each) => engine.searchProcessInstances(each as SearchQuery<Partial<ProcessInstance>>),
    query,
    plain,
    tests,
  );
}

/** One `$or` group as a test of an instance: every field of it holds, plain values as equality. */
async function groupTest(
  engine: EngineApi,
  group: Record<string, unknown>,
): Promise<ItemTest<ProcessInstance>> {
  const { plain, tests } = splitFilter<ProcessInstance>(group, DATE_FIELDS, SKIPPED);
  for (const [field, value] of Object.entries(plain)) {
    const test = propertyTest(value as FilterProperty<string | number | boolean>);
    tests.push((instance) =>
      test((instance as unknown as Record<string, string | number | boolean | null>)[field]),
    );
  }
  for (const variable of (group['variables'] ?? []) as VariableValueFilter[])
    tests.push(await variableTest(engine, variable));
  return (instance) => tests.every((test) => test(instance));
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
