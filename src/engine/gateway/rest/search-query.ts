import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { EngineError, type SearchQuery, type SearchResult, type SortOrder } from '../../engine-api.js';

const strict = { additionalProperties: false } as const;

/** A filter value as Camunda accepts it: plain, or `{ "$eq": value }`. Richer operators are refused by the schema. */
export function eqFilter<S extends TSchema>(schema: S) {
  return Type.Union([schema, Type.Object({ $eq: schema }, strict)]);
}

const keyString = Type.String({ pattern: '^[0-9]{1,19}$' });
export const keyFilter = eqFilter(keyString);
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
/** Camunda's BasicStringFilterProperty of keys (variable, scope and instance keys of a variable search, …). */
export const advancedKeyFilter = advancedFilter(keyString, ['$eq', '$neq', '$exists', '$in', '$notIn']);
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

/**
 * Camunda's cursors: opaque base64 text. Here each names the position in the search's order that it stands
 * for, so `after: endCursor` continues a page and `before: startCursor` goes back one. Like an offset, a position
 * shifts when matching items are created or removed between the requests.
 */
const cursor = Type.String({ minLength: 2, maxLength: 300, pattern: '^[A-Za-z0-9+/]+={0,2}$' });

export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify({ position })).toString('base64');
}

function decodeCursor(text: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as { position?: unknown };
    if (typeof decoded.position === 'number' && Number.isInteger(decoded.position) && decoded.position >= 0)
      return decoded.position;
  } catch {
    // Not one of ours: refused below.
  }
  throw new EngineError('INVALID_ARGUMENT', `Expected a cursor this engine returned, but got '${text}'`);
}

const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 }));

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
      // Camunda's SearchQueryPageRequest: offset, or a cursor forward (`after`) or backward (`before`).
      page: Type.Optional(
        Type.Union([
          Type.Object({ from: Type.Optional(Type.Integer({ minimum: 0 })), limit }, strict),
          Type.Object({ after: cursor, limit }, strict),
          Type.Object({ before: cursor, limit }, strict),
        ]),
      ),
    },
    strict,
  );
}

export interface SearchBody {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: SortOrder }[];
  page?: { from?: number; limit?: number; after?: string; before?: string };
}

/** Camunda's default page size. */
const defaultLimit = 100;

/** The page a request asks for, as an offset: cursors are positions (see encodeCursor). */
export function pageOf(page: SearchBody['page']): { from: number; limit: number } {
  const size = page?.limit ?? defaultLimit;
  if (page?.after !== undefined) return { from: decodeCursor(page.after), limit: size };
  if (page?.before !== undefined) {
    const end = decodeCursor(page.before);
    return { from: Math.max(0, end - size), limit: Math.min(size, end) };
  }
  return { from: page?.from ?? 0, limit: size };
}

/** A filter value that is only `{ $eq: value }` is the value itself; other operators stay. */
function unwrapEq(value: unknown): unknown {
  const isEqOnly =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    '$eq' in value;
  return isEqOnly ? (value as { $eq: unknown }).$eq : value;
}

/** The validated request body as the engine's query: `$eq` unwrapped, the page as an offset. */
export function toSearchQuery<F>(body: SearchBody | undefined): SearchQuery<F> {
  const filter: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body?.filter ?? {})) filter[field] = unwrapEq(value);
  return { filter: filter as F, sort: body?.sort, page: pageOf(body?.page) };
}

/** The response page: the total, and cursors at both ends of a non-empty page when the page's offset is known. */
export function toSearchResponse<T>(
  result: SearchResult<T>,
  map: (item: T) => object,
  page?: { from?: number },
): object {
  const from = page?.from;
  const cursors =
    from !== undefined && result.items.length > 0
      ? { startCursor: encodeCursor(from), endCursor: encodeCursor(from + result.items.length) }
      : {};
  return {
    items: result.items.map(map),
    page: {
      totalItems: result.total,
      ...(result.hasMoreTotalItems ? { hasMoreTotalItems: true } : {}),
      ...cursors,
    },
  };
}
