import type { Express, NextFunction, Request, Response } from 'express';
import { AppError, badRequest, forbidden, unauthenticated } from '../../lib/errors.js';
import type { BodyValidator } from './body-validator.js';
import { assertCsrfToken, assertSameOrigin, isStateChanging } from './csrf.js';
import type { Principal, RouteContext, RouteDefinition } from './route.types.js';

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

/** Where administrative changes are kept (the audit module's store). */
export interface AuditTrail {
  record(entry: {
    actor: string;
    action: string;
    target: string;
    detail: Record<string, string>;
    requestId: string;
    /** The client's address (behind a trusted proxy, the one it forwarded). */
    ip?: string;
  }): Promise<void>;
}

export interface MountDependencies {
  authenticator: Authenticator;
  auditTrail?: AuditTrail;
  validator: BodyValidator;
  publicOrigin: string | undefined;
}

/**
 * The one way routes are registered: each goes through authentication, CSRF, a pending password change, its
 * permission and body validation, in that order, before its handler runs.
 */
async function recordAudit(
  audit: NonNullable<RouteDefinition['audit']>,
  context: RouteContext,
  principal: Principal,
  deps: MountDependencies,
): Promise<void> {
  if (!deps.auditTrail) return;
  if (audit.when && !audit.when(context)) return;
  const entry = {
    actor: principal.username,
    action: audit.action,
    target: audit.target ? audit.target(context) : Object.values(context.req.params).map(String).join('/'),
    detail: audit.detail ? audit.detail(context) : {},
    requestId: String(context.req.id ?? ''),
    ip: context.req.ip ?? '',
  };
  // The change is made and answered; a failure to write it down must be loud, but cannot undo it.
  await deps.auditTrail.record(entry).catch((error: unknown) => {
    context.req.log?.error({ err: error, audit: entry }, 'audit trail write failed');
  });
}

/** A parsed JSON body with something in it (an empty object is what a client sends for "nothing"). */
function hasContent(body: unknown): boolean {
  if (body === undefined || body === null) return false;
  if (typeof body === 'object' && !Array.isArray(body)) return Object.keys(body).length > 0;
  return true;
}

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
      if (!route.body && hasContent(req.body))
        // A route that takes no body refuses one rather than act while ignoring what it was sent.
        throw badRequest('unexpected_body', 'Yêu cầu này không nhận dữ liệu gửi kèm.');
      const body: unknown = route.body ? deps.validator.validate(route.body, req.body ?? {}) : undefined;
      const context = { req, res, principal, body };
      await route.handler(context);
      if (route.audit && principal && res.statusCode < 400)
        await recordAudit(route.audit, context, principal, deps);
    };
    guarded[ROUTE_DEFINITION] = route;
    app[route.method](route.path, guarded);
  }
}
