import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../../lib/errors.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

const csrfRejected = (): AppError =>
  new AppError(
    403,
    'csrf_rejected',
    'Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang.',
  );

/** Signed-in requests that change state must echo the session's CSRF token in a header a cross-site form cannot set. */
export function assertCsrfToken(req: Request, expected: string): void {
  const given = req.get(CSRF_HEADER) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw csrfRejected();
}

/**
 * Public state-changing requests (sign-in) have no session token yet, so they are checked by origin instead:
 * browsers send Sec-Fetch-Site and Origin on every cross-site POST, so a request claiming another site is refused.
 * Requests with neither header do not come from a browser page (curl, tests) and cannot be forged by one.
 */
export function assertSameOrigin(req: Request, publicOrigin: string | undefined): void {
  const fetchSite = req.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw csrfRejected();
  const origin = req.get('origin');
  if (!origin) return;
  if (publicOrigin && origin === new URL(publicOrigin).origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw csrfRejected();
  }
  // express 5's req.host keeps the port and follows X-Forwarded-Host only when the proxy is trusted.
  if (originHost !== req.host) throw csrfRejected();
}
