import { requestJson, setCsrfToken } from '../../lib/http.js';

export interface Membership {
  unitCode: string;
  /** The unit's name as the organisation keeps it. */
  unitName: string;
  roles: string[];
}

export interface SessionUser {
  username: string;
  fullName: string;
  memberships: Membership[];
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  candidateGroups: string[];
  csrfToken: string;
}

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
    const answer = await requestJson<{ csrfToken: string }>('/api/auth/sign-in', {
      method: 'POST',
      body: { username, password },
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
    await requestJson<void>('/api/auth/change-password', {
      method: 'POST',
      body: { currentPassword, newPassword },
    });
  },
};
