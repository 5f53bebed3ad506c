/**
 * The parts of Camunda 8.8's process-instance filter that the engine's search does not take itself: date ranges
 * (`startDate`, `endDate`), operators other than `$eq` on any field, and `variables` (each `{ name, value }` where
 * `value` is a StringFilterProperty tested against the variable's JSON text in the instance's own scope). The
 * gateway asks the engine for the instances matching the plain fields, in the requested order, then keeps those
 * passing the rest and pages them: the response is what a Camunda 8.8 cluster answers for the same request.
 */
import type {
  EngineApi,
  FilterProperty,
  ProcessInstance,
  SearchQuery,
  SearchResult,
  Variable,
} from '../../engine-api.js';
import { isAdvancedFilter, propertyTest } from '../../processing/commands/filter-property.js';

type Scalar = string | number | boolean;

export interface VariableValueFilter {
  name: string;
  value: FilterProperty<string>;
}

/** Every instance the engine holds: a refinement reads them all (the engine's search has no limit of its own). */
const ALL = 1_000_000_000;
const DATE_FIELDS = new Set(['startDate', 'endDate']);

export async function searchProcessInstancesRefined(
  engine: EngineApi,
  query: SearchQuery<Record<string, unknown>>,
): Promise<SearchResult<ProcessInstance>> {
  const plain: Record<string, unknown> = {};
  const tests: ((instance: ProcessInstance) => boolean)[] = [];
  let variables: VariableValueFilter[] = [];
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    if (value === undefined) continue;
    if (field === 'variables') variables = value as VariableValueFilter[];
    else if (DATE_FIELDS.has(field)) tests.push(fieldTest(field, epochs(value)));
    else if (isAdvancedFilter(value as FilterProperty<Scalar>)) tests.push(fieldTest(field, value));
    else plain[field] = value;
  }
  if (tests.length === 0 && variables.length === 0)
    return engine.searchProcessInstances(query as SearchQuery<Partial<ProcessInstance>>);
  const candidates = await engine.searchProcessInstances({
    filter: plain as Partial<ProcessInstance>,
    sort: query.sort,
    page: { from: 0, limit: ALL },
  });
  for (const variable of variables) tests.push(await variableTest(engine, variable, candidates.items));
  const selected = candidates.items.filter((instance) => tests.every((test) => test(instance)));
  const from = query.page?.from ?? 0;
  const limit = query.page?.limit ?? 100;
  return { items: selected.slice(from, from + limit), total: selected.length };
}

function fieldTest(field: string, filter: unknown): (instance: ProcessInstance) => boolean {
  const test = propertyTest(filter as FilterProperty<Scalar>);
  return (instance) => test((instance as unknown as Record<string, Scalar | null>)[field]);
}

/** Dates arrive as ISO text and are held as epoch milliseconds. */
function epochs(filter: unknown): unknown {
  if (typeof filter === 'string') return Date.parse(filter);
  if (filter === null || typeof filter !== 'object') return filter;
  const converted: Record<string, unknown> = {};
  for (const [operator, value] of Object.entries(filter as Record<string, unknown>))
    converted[operator] =
      typeof value === 'string'
        ? Date.parse(value)
        : Array.isArray(value)
          ? value.map((each) => Date.parse(String(each)))
          : value;
  return converted;
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
    page: { from: 0, limit: ALL },
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
