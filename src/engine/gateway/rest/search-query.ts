import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { SearchQuery, SearchResult, SortOrder } from '../../engine-api.js';

const strict = { additionalProperties: false } as const;

/** A filter value as Camunda accepts it: plain, or `{ "$eq": value }`. Richer operators are refused by the schema. */
export function eqFilter<S extends TSchema>(schema: S) {
  return Type.Union([schema, Type.Object({ $eq: schema }, strict)]);
}

export const keyFilter = eqFilter(Type.String({ pattern: '^[0-9]{1,19}$' }));
export const stringFilter = eqFilter(Type.String());

type Operator = '$eq' | '$neq' | '$exists' | '$in' | '$notIn' | '$gt' | '$gte' | '$lt' | '$lte' | '$like';

/** A plain value or an object of Camunda's operators; only the operators Camunda lists for the field's type. */
function advancedFilter<S extends TSchema>(schema: S, operators: readonly Operator[]) {
  const properties: Record<string, TSchema> = {};
  for (const operator of operators) {
    if (operator === '$exists') properties[operator] = Type.Optional(Type.Boolean());
    else if (operator === '$in' || operator === '$notIn')
      properties[operator] = Type.Optional(Type.Array(schema, { maxItems: 1000 }));
    else if (operator === '$like') properties[operator] = Type.Optional(Type.String({ maxLength: 1000 }));
    else properties[operator] = Type.Optional(schema);
  }
  return Type.Union([schema, Type.Object(properties, { ...strict, minProperties: 1 })]);
}

/** Camunda's StringFilterProperty. */
export const advancedStringFilter = advancedFilter(Type.String(), [
  '$eq',
  '$neq',
  '$exists',
  '$in',
  '$notIn',
  '$like',
]);
/** Camunda's IntegerFilterProperty. */
export const advancedIntegerFilter = advancedFilter(Type.Integer(), [
  '$eq',
  '$neq',
  '$exists',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
]);
/** Camunda's DateTimeFilterProperty (ISO 8601 text). */
export const advancedDateTimeFilter = advancedFilter(Type.String({ format: 'date-time' }), [
  '$eq',
  '$neq',
  '$exists',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
]);
/** An enum-valued filter with Camunda's state operators. */
export function advancedStateFilter<S extends TSchema>(schema: S) {
  return advancedFilter(schema, ['$eq', '$neq', '$exists', '$in', '$like']);
}

/** A date-time filter's ISO text as epoch milliseconds, operators kept. */
export function epochFilter(
  filter: string | Record<string, unknown> | undefined,
): number | Record<string, unknown> | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === 'string') return Date.parse(filter);
  const converted: Record<string, unknown> = {};
  for (const [operator, value] of Object.entries(filter))
    converted[operator] =
      typeof value === 'string'
        ? Date.parse(value)
        : Array.isArray(value)
          ? value.map((each) => Date.parse(String(each)))
          : value;
  return converted;
}

export function searchSchema<F extends TObject>(filter: F, sortFields: readonly string[]) {
  return Type.Object(
    {
      filter: Type.Optional(filter),
      sort: Type.Optional(
        Type.Array(
          Type.Object(
            {
              field: Type.Union(sortFields.map((field) => Type.Literal(field))),
              order: Type.Optional(Type.Union([Type.Literal('ASC'), Type.Literal('DESC')])),
            },
            strict,
          ),
        ),
      ),
      page: Type.Optional(
        Type.Object(
          {
            from: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          },
          strict,
        ),
      ),
    },
    strict,
  );
}

interface SearchBody {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: SortOrder }[];
  page?: { from?: number; limit?: number };
}

/** Camunda's default page size. */
const defaultLimit = 100;

/** The validated request body as the engine's query: `$eq` unwrapped, the default page applied. */
export function toSearchQuery<F>(body: SearchBody | undefined): SearchQuery<F> {
  const filter: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body?.filter ?? {})) {
    const isOperator = value !== null && typeof value === 'object' && !Array.isArray(value) && '$eq' in value;
    filter[field] = isOperator ? (value as { $eq: unknown }).$eq : value;
  }
  return {
    filter: filter as F,
    sort: body?.sort,
    page: { from: body?.page?.from ?? 0, limit: body?.page?.limit ?? defaultLimit },
  };
}

export function toSearchResponse<T>(result: SearchResult<T>, map: (item: T) => object): object {
  return {
    items: result.items.map(map),
    page: { totalItems: result.total, ...(result.hasMoreTotalItems ? { hasMoreTotalItems: true } : {}) },
  };
}
