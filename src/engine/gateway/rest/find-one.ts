import { EngineError, type SearchResult } from '../../engine-api.js';

/** GET-by-key endpoints are a one-item search; none found is Camunda's 404. */
export async function findOne<T>(search: Promise<SearchResult<T>>, what: string, key: string): Promise<T> {
  const found = (await search).items[0];
  if (!found) throw new EngineError('NOT_FOUND', `${what} with key '${key}' not found`);
  return found;
}
