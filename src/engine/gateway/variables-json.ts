import { EngineError, type Variables } from '../engine-api.js';

/**
 * Zeebe's gRPC API carries variables as a JSON document in a string. An empty string means "none"; anything that
 * is not a JSON object is the client's mistake (INVALID_ARGUMENT), never the engine's.
 */
export function parseVariablesJson(text: string | undefined, field = 'variables'): Variables | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected argument '${field}' to be a JSON object, but could not parse it: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected argument '${field}' to be a JSON object, but got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`,
    );
  }
  return parsed as Variables;
}
