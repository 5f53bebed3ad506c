import path from 'node:path';
import express, { type RequestHandler } from 'express';

/** Paths the browser app never owns: they keep their problem+json 404s. */
const API_PATHS = /^\/(api|healthz|readyz)(\/|$)/;

/**
 * The built browser app (web/dist): its files, and index.html for any other page a browser asks for, so client-side
 * routes survive a reload. Public by nature — it holds no data; every API call it makes goes through the guard.
 */
export function staticAssets(dir: string): RequestHandler[] {
  const files = express.static(dir, { index: 'index.html', fallthrough: true, maxAge: '1h' });
  const spaFallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.sendFile(path.join(path.resolve(dir), 'index.html'), (error) => {
      if (error) next();
    });
  };
  return [files, spaFallback];
}
