import { formatDateTime } from '../../shared/vn-date.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/password.js';
import { NO_PASSWORD, type OrganisationDirectory, type UserRecord } from '../organisation/index.js';
import { assertStrongPassword } from '../../lib/password-policy.js';
import { VerificationGate, type LoginLimits } from './login-throttle.js';
import type { ActiveSession, SessionService } from './session.service.js';

const invalidCredentials = (): AppError =>
  new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

const accountLocked = (until: Date): AppError =>
  new AppError(
    423,
    'account_locked',
    `Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${formatDateTime(until)}.`,
  );

/** What a sign-in attempt was, for the access audit (never the password). */
export type SignInOutcome = 'success' | 'failure' | 'locked' | 'rate-limited' | 'busy';

export interface SignInEvent {
  username: string;
  ip: string;
  requestId: string;
  outcome: SignInOutcome;
}

const tooManyAttempts = (): AppError =>
  new AppError(429, 'too_many_attempts', 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau.');

const busy = (): AppError =>
  new AppError(
    503,
    'sign_in_busy',
    'Hệ thống đang xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây.',
  );

export class AuthService {
  /** Verified against when the username is unknown, so a miss costs as long as a wrong password. */
  private decoyHash: Promise<string> | undefined;
  private readonly gate: VerificationGate;
  private listener: (event: SignInEvent) => Promise<void> = async () => undefined;

  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly sessions: SessionService,
    private readonly limits: LoginLimits,
    private readonly hasher: PasswordHasher,
    options: { maxConcurrentVerifications?: number; maxQueuedVerifications?: number } = {},
  ) {
    this.gate = new VerificationGate(
      options.maxConcurrentVerifications ?? 2,
      options.maxQueuedVerifications ?? 32,
    );
  }

  /** Told of every sign-in attempt and its outcome (the access audit). */
  onSignIn(listener: (event: SignInEvent) => Promise<void>): void {
    this.listener = listener;
  }

  /**
   * The address's and the account name's attempts are reserved before the password is verified (at most a few
   * verifications run at once); a success gives them back. A locked account and an unknown name are answered alike.
   */
  async signIn(
    rawUsername: string,
    password: string,
    ip: string,
    requestId = '',
  ): Promise<{ token: string; session: ActiveSession; user: UserRecord }> {
    const username = rawUsername.trim().toLowerCase();
    // The audit must not turn a sign-in into a failure; the listener logs its own trouble.
    const tell = (outcome: SignInOutcome): Promise<void> =>
      this.listener({ username, ip, requestId, outcome }).catch(() => undefined);
    const ipSlot = await this.limits.reserveIp(ip);
    if (!ipSlot) {
      await tell('rate-limited');
      throw tooManyAttempts();
    }
    const reservation = await this.limits.reserveAccount(username);
    if (!reservation.ok) {
      await tell('locked');
      throw accountLocked(reservation.lockedUntil);
    }
    const verdict = await this.gate.run(async () => {
      const user = await this.directory.users.find(username);
      // An imported account without a password answers like an unknown one, in the same time.
      if (!user || !user.active || user.passwordHash === NO_PASSWORD) {
        this.decoyHash ??= this.hasher.hash('decoy-password-never-matches');
        await this.hasher.verify(await this.decoyHash, password);
        return null;
      }
      return (await this.hasher.verify(user.passwordHash, password)) ? user : null;
    });
    if (verdict.busy) {
      // Not verified, so not a failure: both attempts are given back.
      await Promise.all([this.limits.release(ipSlot), this.limits.release(reservation.slot)]);
      await tell('busy');
      throw busy();
    }
    const user = verdict.value;
    if (!user) {
      const lockedUntil = await this.limits.accountFailed(username);
      await tell(lockedUntil ? 'locked' : 'failure');
      throw lockedUntil ? accountLocked(lockedUntil) : invalidCredentials();
    }
    await Promise.all([this.limits.release(ipSlot), this.limits.clearAccount(username)]);
    const { token, session } = await this.sessions.create(user.username);
    await tell('success');
    return { token, session, user };
  }

  async changePassword(session: ActiveSession, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.directory.users.get(session.username);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword)))
      throw badRequest('wrong_current_password', 'Mật khẩu hiện tại không đúng.', [
        { field: '/currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
      ]);
    if (currentPassword === newPassword)
      throw badRequest('password_unchanged', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
        { field: '/newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
      ]);
    assertStrongPassword(newPassword, user, '/newPassword');
    await this.directory.users.setPassword(user.username, newPassword);
    // Whoever else holds a session (perhaps the reason for the change) is signed out.
    await this.sessions.destroyAllOf(user.username, session.id);
  }
}
