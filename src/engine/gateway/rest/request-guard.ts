/**
 * What the REST port refuses before any route runs, so that a web page in a browser on the same machine cannot
 * drive the engine (a cross-site `text/plain` POST to /v2/process-instances/{key}/cancellation used to answer 204):
 *
 * - a Host that is not one of ours (DNS rebinding: a page whose name resolves to 127.0.0.1) → 403;
 * - a cross-site request by the browser's own account (`Sec-Fetch-Site: cross-site|same-site`) or an `Origin`
 *   other than this server's → 403. Clients outside browsers send neither;
 * - missing or wrong credentials when authentication is configured → 401;
 * - a body that is neither `application/json` nor `multipart/form-data`, as Camunda's API requires → 415. A form
 *   post or `text/plain` is exactly what a page can send without a CORS preflight.
 */
import type { NextFunction, Request, Response } from 'express';
import { authorizationAccepted, type GatewayAuth } from '../gateway-auth.js';
import { HttpProblem } from './problem-detail.js';

export interface RequestGuardOptions {
  /** Host names (without port) accepted in the Host header. */
  allowedHosts: readonly string[];
  auth?: GatewayAuth;
}

/** The name of a Host header value, without the port; IPv6 literals keep their brackets off. */
function hostName(host: string): string {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracket) return (bracket[1] ?? '').toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

const acceptedTypes = ['application/json', 'multipart/form-data'];

export function requestGuard(
  options: RequestGuardOptions,
): (req: Request, res: Response, next: NextFunction) => void {
  const allowed = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  return (req, res, next) => {
    const host = req.headers.host ?? '';
    if (!allowed.has(hostName(host)))
      return next(
        new HttpProblem(403, 'FORBIDDEN', `Host '${host}' is not a configured name of this engine`),
      );
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site')
      return next(new HttpProblem(403, 'FORBIDDEN', 'Cross-site requests are not accepted'));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
      return next(new HttpProblem(403, 'FORBIDDEN', `Origin '${origin}' is not accepted`));
    if (!authorizationAccepted(req.headers.authorization, options.auth)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="engine", Bearer');
      return next(new HttpProblem(401, 'UNAUTHORIZED', 'Missing or invalid credentials'));
    }
    if (hasBody(req)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!acceptedTypes.includes(type))
        return next(
          new HttpProblem(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `Content type '${type || '(none)'}' is not supported; send application/json or multipart/form-data`,
          ),
        );
    }
    next();
  };
}
