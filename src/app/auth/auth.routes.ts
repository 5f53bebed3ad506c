import type { SessionResponse, SignInResponse } from '../../shared/contracts/index.js';
import type { Config } from '../../lib/config.js';
import { PUBLIC, SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import type { OrganisationDirectory } from '../organisation/index.js';
import { ChangePasswordBody, SignInBody } from './auth.schemas.js';
import type { AuthService } from './auth.service.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './cookies.js';
import type { SessionService } from './session.service.js';

export interface AuthRouteDependencies {
  auth: AuthService;
  sessions: SessionService;
  directory: OrganisationDirectory;
  config: Pick<Config, 'cookieSecure' | 'sessionAbsoluteHours'>;
}

/** Non-null on every route whose permission is a policy: mountRoutes answered 401 otherwise. */
function signedIn(principal: Principal | null): Principal {
  if (!principal) throw new Error('route with a policy permission ran without a principal');
  return principal;
}

export function authRoutes(deps: AuthRouteDependencies): RouteDefinition[] {
  const { auth, sessions, directory, config } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      permission: PUBLIC,
      body: SignInBody,
      summary: 'Sign in with username and password; sets the session cookie and returns the CSRF token',
      handler: async ({ req, res, body }) => {
        const { token, session, user } = await auth.signIn(
          body.username.trim(),
          body.password,
          req.ip ?? 'unknown',
          String(req.id ?? ''),
        );
        // A session the browser already held (perhaps planted by someone else) does not survive a new sign-in.
        const previous = readCookie(req, SESSION_COOKIE);
        if (previous) await sessions.end(previous);
        setSessionCookie(req, res, token, config.sessionAbsoluteHours * 3_600_000, config.cookieSecure);
        res.json({
          user: {
            username: user.username,
            fullName: user.fullName,
            mustChangePassword: user.mustChangePassword,
          },
          csrfToken: session.csrfToken,
        } satisfies SignInResponse);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/session',
      permission: SIGNED_IN,
      allowPendingPasswordChange: true,
      summary: 'The signed-in user, their candidate groups and the CSRF token for state-changing requests',
      handler: async ({ res, principal }) => {
        const me = signedIn(principal);
        res.json({
          user: {
            username: me.username,
            fullName: me.fullName,
            // With each unit's name, so the browser can say "Sở Tài chính" rather than its code.
            memberships: await Promise.all(
              me.memberships.map(async (membership) => ({
                ...membership,
                unitName: (await directory.units.find(membership.unitCode))?.name ?? membership.unitCode,
              })),
            ),
            mustChangePassword: me.mustChangePassword,
          },
          candidateGroups: await directory.candidateGroupsOfUser(me.username),
          csrfToken: me.csrfToken,
        } satisfies SessionResponse);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      permission: SIGNED_IN,
      allowPendingPasswordChange: true,
      summary: 'End this session',
      audit: { action: 'auth.sign-out', target: ({ principal }) => principal?.username ?? '' },
      handler: async ({ req, res, principal }) => {
        await sessions.destroy(signedIn(principal).sessionId);
        clearSessionCookie(req, res, config.cookieSecure);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/change-password',
      permission: SIGNED_IN,
      allowPendingPasswordChange: true,
      body: ChangePasswordBody,
      summary: "Change one's own password (needs the current one); ends the user's other sessions",
      audit: { action: 'auth.password-change', target: ({ principal }) => principal?.username ?? '' },
      handler: async ({ res, principal, body }) => {
        const me = signedIn(principal);
        await auth.changePassword(
          { id: me.sessionId, username: me.username, csrfToken: me.csrfToken },
          body.currentPassword,
          body.newPassword,
        );
        res.status(204).end();
      },
    }),
  ];
}
