import type { Request, Response } from 'express';
import type { Static, TSchema } from '@sinclair/typebox';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Membership {
  unitCode: string;
  roles: string[];
}

/** The signed-in user as routes see it. */
export interface Principal {
  username: string;
  fullName: string;
  memberships: Membership[];
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

export type Policy = (principal: Principal, req: Request) => boolean | Promise<boolean>;

/**
 * Who may call a route. `public` is for the few routes a stranger must reach (sign-in, health); everything else names
 * a policy of the signed-in user, so "forgot to check" cannot be expressed.
 */
export type Permission = { kind: 'public' } | { kind: 'policy'; name: string; allows: Policy };

export interface RouteContext<TBody = unknown> {
  req: Request;
  res: Response;
  /** Null only on public routes. */
  principal: Principal | null;
  body: TBody;
}

/** An administrative change or an audited access, written to the audit trail once the route has answered with success. */
export interface RouteAudit<TBody = unknown> {
  /** A stable name such as `user.deactivate`. */
  action: string;
  /** What was acted on; the route's path parameters when not given. */
  target?(ctx: RouteContext<TBody>): string;
  /** Facts worth keeping beside it (which fields, which role); never a secret, never a personal value. */
  detail?(ctx: RouteContext<TBody>): Record<string, string>;
  /** Recorded only when this holds (e.g. a read that turned out to be of personnel data); always when not given. */
  when?(ctx: RouteContext<TBody>): boolean;
}

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  permission: Permission;
  body?: TSchema;
  /** What the route does, for the route listing. */
  summary: string;
  /**
   * Reachable by a user who must change an administrator-set password first (their session, sign-out, the change
   * itself); every other route refuses them until they do.
   */
  allowPendingPasswordChange?: boolean;
  audit?: RouteAudit;
  handler: (ctx: RouteContext) => Promise<void> | void;
}

/** Defines a route whose handler sees its body typed from its schema. */
export function defineRoute<S extends TSchema>(
  route: Omit<RouteDefinition, 'handler' | 'body' | 'audit'> & {
    body: S;
    audit?: RouteAudit<Static<S>>;
    handler: (ctx: RouteContext<Static<S>>) => Promise<void> | void;
  },
): RouteDefinition;
export function defineRoute(route: Omit<RouteDefinition, 'body'>): RouteDefinition;
export function defineRoute(route: RouteDefinition): RouteDefinition {
  return route;
}
