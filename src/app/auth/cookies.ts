import type { Request, Response } from 'express';
import type { CookieSecure } from '../../lib/config.js';

export const SESSION_COOKIE = 'dv_session';

/** The one cookie we read; a full cookie parser would be more surface than this needs. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function isSecure(req: Request, mode: CookieSecure): boolean {
  return mode === 'always' || (mode === 'auto' && req.secure);
}

export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  maxAgeMs: number,
  mode: CookieSecure,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, mode),
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(req: Request, res: Response, mode: CookieSecure): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, mode),
    path: '/',
  });
}
