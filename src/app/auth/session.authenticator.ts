import type { Request } from 'express';
import type { Principal } from '../http/route.types.js';
import type { Authenticator } from '../http/route-mounter.js';
import type { OrganisationDirectory } from '../organisation/index.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import type { SessionService } from './session.service.js';

/** Turns the session cookie into the signed-in user, or null; a deactivated user has no valid session. */
export class SessionAuthenticator implements Authenticator {
  constructor(
    private readonly sessions: SessionService,
    private readonly directory: OrganisationDirectory,
  ) {}

  async authenticate(req: Request): Promise<Principal | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return null;
    const session = await this.sessions.resolve(token);
    if (!session) return null;
    const user = await this.directory.users.find(session.username);
    if (!user?.active) {
      await this.sessions.destroy(session.id);
      return null;
    }
    return {
      username: user.username,
      fullName: user.fullName,
      memberships: user.memberships,
      mustChangePassword: user.mustChangePassword,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }
}
