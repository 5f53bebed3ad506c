import type { Messages, TextKey } from '../../i18n/messages.types.js';
import type { Locale } from '../../i18n/messages.types.js';
import { ApiProblem } from '../../lib/problem.js';

const byCode: Record<string, TextKey> = {
  invalid_credentials: 'errorInvalidCredentials',
  account_locked: 'errorAccountLocked',
  too_many_attempts: 'errorTooManyAttempts',
  sign_in_busy: 'errorSignInBusy',
  weak_password: 'errorWeakPassword',
  too_many_comments: 'errorTooManyComments',
  csrf_rejected: 'errorCsrf',
  unauthenticated: 'errorSessionExpired',
  forbidden: 'errorForbidden',
  network: 'errorNetwork',
};

const byStatus: Record<number, TextKey> = {
  401: 'errorSessionExpired',
  403: 'errorForbidden',
  409: 'errorConflict',
  422: 'errorValidation',
};

/**
 * The message to show for a failed request. The server already speaks Vietnamese, so in Vietnamese its own detail is
 * shown (it can carry specifics, such as until when an account is locked); in English the code picks a translation.
 */
export function problemMessage(error: unknown, t: Messages, locale: Locale): string {
  if (!(error instanceof ApiProblem)) return t.errorUnknown;
  if (error.code === 'network') return t.errorNetwork;
  if (locale === 'vi' && error.detail) return error.detail;
  const key = byCode[error.code] ?? byStatus[error.status];
  return key ? t[key] : t.errorUnknown;
}
