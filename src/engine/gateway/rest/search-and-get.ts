import type { TObject } from '@sinclair/typebox';
import type { EngineApi, SearchQuery, SearchResult } from '../../engine-api.js';
import { findOne } from './find-one.js';
import { ok, route, type RestRoute } from './rest-route.js';
import { searchSchema, toSearchQuery, toSearchResponse } from './search-query.js';

/** A read-only resource of Camunda's REST v2: `POST <path>/search` and `GET <path>/:<key>`. */
export interface SearchableResource<T, F> {
  /** e.g. `/incidents` */
  path: string;
  /** The key's name in the path and in the filter, e.g. `incidentKey`. */
  keyName: string;
  /** The resource's name in a NOT_FOUND message, e.g. `Incident`. */
  label: string;
  filter: TObject;
  sortFields: readonly string[];
  search(engine: EngineApi, query: SearchQuery<F>): Promise<SearchResult<T>>;
  toResult(item: T): object;
}

export function searchAndGetRoutes<T, F>(resource: SearchableResource<T, F>): RestRoute[] {
  return [
    route({
      method: 'post',
      path: `${resource.path}/search`,
      body: searchSchema(resource.filter, resource.sortFields),
      bodyOptional: true,
      handle: async ({ body, query, engine }) =>
        ok(
          toSearchResponse(
            await resource.search(engine, {
              ...toSearchQuery<F>(body),
              ...(query.truncateValues === 'false' ? { truncateValues: false } : {}),
            }),
            resource.toResult,
          ),
        ),
    }),
    route({
      method: 'get',
      path: `${resource.path}/:${resource.keyName}`,
      handle: async ({ params, engine }) => {
        const key = params[resource.keyName] ?? '';
        const query = { filter: { [resource.keyName]: key } as F, page: { limit: 1 } };
        return ok(resource.toResult(await findOne(resource.search(engine, query), resource.label, key)));
      },
    }),
  ];
}
