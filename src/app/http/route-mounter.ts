import type { Express, NextFunction, Request, Response } from 'express';
import { AppError, forbidden, unauthenticated } from '../../lib/errors.js';
import type { BodyValidator } from './body-validator.js';
import { assertCsrfToken, assertSameOrigin, isStateChanging } from './csrf.js';
import type { Principal, RouteDefinition } from './route.types.js';

const passwordChangeRequired = (): AppError =>
  new AppError(403, 'password_change_required', 'Bạn cần đổi mật khẩu được cấp trước khi tiếp tục.');

/** Marks a handler as the guard that mountRoutes put in front of a route; the route audit looks for it. */
export const ROUTE_DEFINITION = Symbol('routeDefinition');

/** Marks the app-wide middleware createApp installs (headers, logging, body parsing, 404, errors). */
export const INFRASTRUCTURE = Symbol('infrastructure');

export function infrastructure<T extends object>(middleware: T): T {
  (middleware as T & { [INFRASTRUCTURE]?: true })[INFRASTRUCTURE] = true;
  return middleware;
}

export type GuardedHandler = ((req: Request, res: Response, next: NextFunction) => Promise<void>) & {
  [ROUTE_DEFINITION]?: RouteDefinition;
};

export interface Authenticator {
  /** The signed-in user of this request, or null (no cookie, unknown or expired session). */
  authenticate(req: Request, res: Response): Promise<Principal | null>;
}

export interface MountDependencies {
  authenticator: Authenticator;
  validator: BodyValidator;
  publicOrigin: string | undefined;
}

/**
 * The one way routes are registered: each goes through authentication, CSRF, a pending password change, its
 * permission and body validation, in that order, before its handler runs.
 */
export function mountRoutes(app: Express, routes: readonly RouteDefinition[], deps: MountDependencies): void {
  for (const route of routes) {
    const guarded: GuardedHandler = async (req, res) => {
      let principal: Principal | null = null;
      if (route.permission.kind === 'public') {
        if (isStateChanging(req.method)) assertSameOrigin(req, deps.publicOrigin);
      } else {
        principal = await deps.authenticator.authenticate(req, res);
        if (!principal) throw unauthenticated();
        if (isStateChanging(req.method)) assertCsrfToken(req, principal.csrfToken);
        if (principal.mustChangePassword && !route.allowPendingPasswordChange) throw passwordChangeRequired();
        if (!(await route.permission.allows(principal, req))) throw forbidden();
      }
      const body: unknown = route.body ? deps.validator.validate(route.body, req.body ?? {}) : undefined;
      await route.handler({ req, res, principal, body });
    };
    guarded[ROUTE_DEFINITION] = route;
    app[route.method](route.path, guarded);
  }
}
