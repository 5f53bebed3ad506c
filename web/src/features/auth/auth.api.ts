import type {
  ChangePasswordRequest,
  SessionResponse,
  SignInRequest,
  SignInResponse,
} from '../../lib/contracts.js';
import { requestJson, setCsrfToken } from '../../lib/http.js';

export type { SessionUser } from '../../lib/contracts.js';
/** The signed-in user's session as the browser holds it. */
export type Session = SessionResponse;

/** The server's auth API (src/app/auth/auth.routes.ts). */
export const authApi = {
  /** The current session, or null when nobody is signed in. */
  async load(): Promise<Session | null> {
    try {
      const session = await requestJson<Session>('/api/auth/session', { quietUnauthenticated: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof Error && 'status' in error && error.status === 401) return null;
      throw error;
    }
  },

  async signIn(username: string, password: string): Promise<Session | null> {
    const body: SignInRequest = { username, password };
    const answer = await requestJson<SignInResponse>('/api/auth/sign-in', {
      method: 'POST',
      body,
      quietUnauthenticated: true,
    });
    setCsrfToken(answer.csrfToken);
    return authApi.load();
  },

  async signOut(): Promise<void> {
    try {
      await requestJson<void>('/api/auth/sign-out', { method: 'POST', quietUnauthenticated: true });
    } finally {
      setCsrfToken(undefined);
    }
  },

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const body: ChangePasswordRequest = { currentPassword, newPassword };
    await requestJson<void>('/api/auth/change-password', { method: 'POST', body });
  },
};
