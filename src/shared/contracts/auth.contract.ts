/** The auth API's contract (src/app/auth/auth.routes.ts). Types only. */

export interface SignInRequest {
  username: string;
  password: string;
}

export interface SignInResponse {
  user: { username: string; fullName: string; mustChangePassword: boolean };
  csrfToken: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SessionMembership {
  unitCode: string;
  /** The unit's name as the organisation keeps it, so the browser can say "Sở Tài chính" rather than its code. */
  unitName: string;
  roles: string[];
}

export interface SessionUser {
  username: string;
  fullName: string;
  memberships: SessionMembership[];
  mustChangePassword: boolean;
}

/** GET /api/auth/session. */
export interface SessionResponse {
  user: SessionUser;
  candidateGroups: string[];
  /** Sent back in the X-CSRF-Token header of every state-changing request. */
  csrfToken: string;
}
