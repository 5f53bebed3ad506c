import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { SearchQuery, SearchResult, SortOrder } from '../../engine-api.js';

const strict = { additionalProperties: false } as const;

/** A filter value as Camunda accepts it: plain, or `{ "$eq": value }`. Richer operators are refused by the schema. */
export function eqFilter<S extends TSchema>(schema: S) {
  return Type.Union([schema, Type.Object({ $eq: schema }, strict)]);
}

export const keyFilter = eqFilter(Type.String({ pattern: '^[0-9]{1,19}$' }));
export const stringFilter = eqFilter(Type.String());

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
  return { items: result.items.map(map), page: { totalItems: result.total } };
}
