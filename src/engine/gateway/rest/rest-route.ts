import type { Static, TSchema } from '@sinclair/typebox';
import type { EngineApi } from '../../engine-api.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RestRequest<Body> {
  params: Record<string, string>;
  /** The query string's parameters (Camunda's few, e.g. truncateValues). */
  query: Record<string, unknown>;
  body: Body;
  engine: EngineApi;
}

/** What a handler answers: a status, and a JSON body unless 204 (or text when contentType says so). */
export interface RestResponse {
  status: number;
  body?: unknown;
  contentType?: string;
}

export interface RestRoute {
  method: HttpMethod;
  /** Express path below /v2, e.g. /user-tasks/:userTaskKey/completion */
  path: string;
  /** JSON Schema of the body; omitted for routes without one. */
  body?: TSchema;
  /** Accepts an empty body even though a schema is given (Camunda's optional bodies). */
  bodyOptional?: boolean;
  /** Multipart routes parse their own body. */
  raw?: boolean;
  handle(request: RestRequest<unknown>): Promise<RestResponse>;
}

/**
 * Declares a route whose handler sees the body typed by its schema. The cast is sound because the gateway runs
 * the schema's validator before the handler.
 */
export function route<S extends TSchema>(definition: {
  method: HttpMethod;
  path: string;
  body: S;
  bodyOptional?: boolean;
  handle(request: RestRequest<Static<S>>): Promise<RestResponse>;
}): RestRoute;
export function route(definition: {
  method: HttpMethod;
  path: string;
  raw?: boolean;
  handle(request: RestRequest<unknown>): Promise<RestResponse>;
}): RestRoute;
export function route(definition: RestRoute): RestRoute {
  return definition;
}

export const noContent: RestResponse = { status: 204 };

export function ok(body: unknown): RestResponse {
  return { status: 200, body };
}
