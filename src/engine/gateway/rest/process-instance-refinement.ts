/**
 * Camunda 8.8's process-instance filter beyond the engine's search (see search-refinement.ts), with `variables`:
 * each `{ name, value }` where `value` is a StringFilterProperty tested against the variable's JSON text in the
 * instance's own scope; and `$or`: groups of the same fields, one of which must hold besides the top-level fields.
 */
import type {
  EngineApi,
  FilterProperty,
  ProcessInstance,
  ProcessInstanceFilter,
  SearchQuery,
  SearchResult,
  Variable,
} from '../../engine-api.js';
import { propertyTest } from '../../processing/commands/filter-property.js';
import { variableField } from '../../state/history/history-collections.js';
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
  const allVariables = (query.filter?.['variables'] ?? []) as VariableValueFilter[];
  // The engine searches by variables its instances carry (see history-collections.ts); others are read here.
  const served = allVariables.filter((variable) => variableField(variable.name) !== undefined);
  const variables = allVariables.filter((variable) => variableField(variable.name) === undefined);
  const alternatives = (query.filter?.['$or'] ?? []) as Record<string, unknown>[];
  const engineFilter = { ...plain, ...(served.length > 0 ? { variables: served } : {}) };
  if (tests.length === 0 && variables.length === 0 && alternatives.length === 0)
    return engine.searchProcessInstances({
      ...query,
      filter: engineFilter,
    } as SearchQuery<ProcessInstanceFilter>);
  // The candidates first: a variable filter reads its values for them by key when they are few.
  const candidates = await engine.searchProcessInstances({
    ...query,
    filter: engineFilter,
    page: { from: 0, limit: ALL_ITEMS },
  } as SearchQuery<ProcessInstanceFilter>);
  for (const variable of variables) tests.push(await variableTest(engine, variable, candidates.items));
  if (alternatives.length > 0) {
    const groups = await Promise.all(alternatives.map((group) => groupTest(engine, group, candidates.items)));
    tests.push((instance) => groups.some((test) => test(instance)));
  }
  return refineAndPage(() => Promise.resolve(candidates), query, plain, tests);
}

/** One `$or` group as a test of an instance: every field of it holds, plain values as equality. */
async function groupTest(
  engine: EngineApi,
  group: Record<string, unknown>,
  candidates: ProcessInstance[],
): Promise<ItemTest<ProcessInstance>> {
  const { plain, tests } = splitFilter<ProcessInstance>(group, DATE_FIELDS, SKIPPED);
  for (const [field, value] of Object.entries(plain)) {
    const test = propertyTest(value as FilterProperty<string | number | boolean>);
    tests.push((instance) =>
      test((instance as unknown as Record<string, string | number | boolean | null>)[field]),
    );
  }
  for (const variable of (group['variables'] ?? []) as VariableValueFilter[])
    tests.push(await variableTest(engine, variable, candidates));
  return (instance) => tests.every((test) => test(instance));
}

/** Above this many candidates the variable is read across all instances rather than for the candidates'. */
const CANDIDATES_BY_KEY = 10_000;

/**
 * One search of the variable by name, then a lookup per instance (not one search per instance): across the
 * candidates' keys when they are few (the history serves that from an index), else across all instances.
 */
async function variableTest(
  engine: EngineApi,
  filter: VariableValueFilter,
  candidates: ProcessInstance[],
): Promise<(instance: ProcessInstance) => boolean> {
  if (candidates.length === 0) return () => false;
  const byKey =
    candidates.length <= CANDIDATES_BY_KEY
      ? { processInstanceKey: { $in: candidates.map((instance) => instance.processInstanceKey) } }
      : {};
  const found = await engine.searchVariables({
    filter: { name: filter.name, ...byKey } as Partial<Variable>,
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
