import type { TObject } from '@sinclair/typebox';
import type { EngineApi, SearchQuery, SearchResult } from '../../engine-api.js';
import { findOne } from './find-one.js';
import { ok, route, type RestRoute } from './rest-route.js';
import { searchSchema, toSearchQuery, toSearchResponse } from './search-query.js';
import { refinedSearch } from './search-refinement.js';

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
  /** Filter fields holding dates (ISO text in requests, epoch ms in items), for Camunda's date operators. */
  dateFields?: readonly string[];
  search(engine: EngineApi, query: SearchQuery<F>): Promise<SearchResult<T>>;
  toResult(item: T): object;
}

export function searchAndGetRoutes<T, F>(resource: SearchableResource<T, F>): RestRoute[] {
  const dateFields = new Set(resource.dateFields ?? []);
  return [
    route({
      method: 'post',
      path: `${resource.path}/search`,
      body: searchSchema(resource.filter, resource.sortFields),
      bodyOptional: true,
      handle: async ({ body, query, engine }) => {
        const search = {
          ...toSearchQuery<Record<string, unknown>>(body),
          ...(query.truncateValues === 'false' ? { truncateValues: false } : {}),
        };
        const found = await refinedSearch(
          (each) => resource.search(engine, each as SearchQuery<F>),
          search,
          dateFields,
        );
        return ok(toSearchResponse(found, resource.toResult, search.page));
      },
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
