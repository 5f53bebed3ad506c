/** Paths that belong to the server, never to the browser app: they 404 as problem+json instead of getting index.html. */
const SERVER_PREFIXES = ['/api/', '/assets/'];
const SERVER_PATHS = new Set(['/api', '/healthz', '/readyz', '/assets']);

/** True when a GET of this path should answer the SPA's index.html (a client-side route such as /tasks/123). */
export function isClientRoute(pathname: string): boolean {
  if (SERVER_PATHS.has(pathname)) return false;
  if (SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return false;
  // A path with a file extension is a missing file, not a page.
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !/\.[a-z0-9]{1,8}$/i.test(last);
}
