/**
 * Optional authentication of both gateways, the two kinds a Camunda 8.8 client is configured for: Basic
 * (CAMUNDA_AUTH_STRATEGY=BASIC with CAMUNDA_BASIC_AUTH_USERNAME / _PASSWORD) and a bearer token
 * (CAMUNDA_AUTH_STRATEGY=BEARER with CAMUNDA_OAUTH_TOKEN). The engine checks a configured pair or token; it issues
 * no tokens itself. Without either, the gateways are open, which start() allows only on the loopback interface.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface GatewayAuth {
  basic?: { username: string; password: string };
  /** A static token clients send as `Authorization: Bearer <token>`. */
  bearerToken?: string;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests, so neither the length nor the content of a secret leaks through timing. */
function same(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function authRequired(auth: GatewayAuth | undefined): boolean {
  return Boolean(auth?.basic || auth?.bearerToken);
}

/** Whether an Authorization header value is accepted; always true when no credentials are configured. */
export function authorizationAccepted(header: string | undefined, auth: GatewayAuth | undefined): boolean {
  if (!auth || !authRequired(auth)) return true;
  if (!header) return false;
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const credentials = header.slice(space + 1).trim();
  if (scheme === 'bearer' && auth.bearerToken) return same(credentials, auth.bearerToken);
  if (scheme === 'basic' && auth.basic) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    // Both compared whatever the first gives, so a right name with a wrong password takes as long as neither.
    const nameOk = same(decoded.slice(0, colon), auth.basic.username);
    const passwordOk = same(decoded.slice(colon + 1), auth.basic.password);
    return nameOk && passwordOk;
  }
  return false;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}
