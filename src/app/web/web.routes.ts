import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../lib/errors.js';
import { PUBLIC } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { sendFile } from './send-file.js';
import { isClientRoute } from './spa-paths.js';

/** web/dist of this repository (src/app/web → ../../../web/dist). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** The public routes this module adds; the route audit's list of allowed public routes must contain them. */
export const WEB_PUBLIC_ROUTES = ['GET /assets/:file', 'GET /{*spaPath}'] as const;

/** Vite names built assets by content hash, so a given name never changes: cache it for a year. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always revalidate it. */
const INDEX_CACHE = 'no-cache';
const ASSET_NAME = /^[\w.-]+$/;

export interface WebRouteOptions {
  /** The built SPA (vite build output); web/dist by default. */
  distDir?: string;
}

/**
 * Serves the built browser app: hashed assets with long caching, and index.html for every client-side route
 * (not for /api/*, /healthz, /readyz). Both routes are public — the app's data is behind the API's own permissions.
 * They must be the LAST routes mounted: the second matches every GET not matched before it.
 */
export function webRoutes(options: WebRouteOptions = {}): RouteDefinition[] {
  const distDir = path.resolve(options.distDir ?? DEFAULT_WEB_DIST);
  const assetsDir = path.join(distDir, 'assets');
  return [
    defineRoute({
      method: 'get',
      path: '/assets/:file',
      permission: PUBLIC,
      summary: 'A built asset of the browser app (content-hashed name, cached for a year)',
      handler: async ({ req, res }) => {
        const file = String(req.params.file);
        if (!ASSET_NAME.test(file) || file.startsWith('.'))
          throw new AppError(404, 'not_found', 'Không tìm thấy địa chỉ được yêu cầu.');
        await sendFile(res, file, { root: assetsDir, cacheControl: HASHED_ASSET_CACHE });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/{*spaPath}',
      permission: PUBLIC,
      summary: "The browser app's index.html, for any client-side route",
      handler: async ({ req, res }) => {
        if (!isClientRoute(req.path))
          throw new AppError(404, 'not_found', 'Không tìm thấy địa chỉ được yêu cầu.');
        try {
          await sendFile(res, 'index.html', { root: distDir, cacheControl: INDEX_CACHE });
        } catch (error) {
          if (error instanceof AppError && error.status === 404)
            throw new AppError(
              503,
              'web_not_built',
              'Giao diện web chưa được build. Hãy chạy "npm run build:web" rồi khởi động lại.',
            );
          throw error;
        }
      },
    }),
  ];
}
