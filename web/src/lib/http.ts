import { events } from './event-bus.js';
import { ApiProblem, problemFrom } from './problem.js';

const CSRF_HEADER = 'x-csrf-token';
let csrfToken: string | undefined;

/** The session's CSRF token, echoed on every state-changing request (set after sign-in and session load). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw body (an attachment), instead of JSON. */
  file?: { content: Blob; headers: Record<string, string> };
  /** 401 is expected (e.g. loading the session before sign-in): do not announce an expired session. */
  quietUnauthenticated?: boolean;
}

/** JSON over fetch with the session cookie; failures become an ApiProblem (status 0 when the network failed). */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) Object.assign(headers, options.file.headers);
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file
        ? options.file.content
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiProblem(0, 'network', '');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const problem = problemFrom(response.status, parsed);
    if (problem.status === 401 && !options.quietUnauthenticated) events.emit('session.expired', {});
    throw problem;
  }
  return parsed as T;
}
