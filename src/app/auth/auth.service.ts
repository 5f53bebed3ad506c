import type { Config } from '../../lib/config.js';
import { formatDateTime } from '../../shared/vn-date.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/password.js';
import type { OrganisationDirectory, UserRecord } from '../organisation/index.js';
import type { LoginThrottle } from './login-throttle.js';
import type { ActiveSession, SessionService } from './session.service.js';

export type AuthPolicy = Pick<Config, 'loginMaxFailures' | 'loginLockoutMinutes'>;

const invalidCredentials = (): AppError =>
  new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

const accountLocked = (until: Date): AppError =>
  new AppError(
    423,
    'account_locked',
    `Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${formatDateTime(until)}.`,
  );

export class AuthService {
  /** Verified against when the username is unknown, so a miss costs as long as a wrong password. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly hasher: PasswordHasher,
    private readonly policy: AuthPolicy,
    private readonly now: () => Date,
  ) {}

  async signIn(
    username: string,
    password: string,
    ip: string,
  ): Promise<{ token: string; session: ActiveSession; user: UserRecord }> {
    if (this.throttle.isBlocked(ip))
      throw new AppError(
        429,
        'too_many_attempts',
        'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau.',
      );
    const user = await this.directory.users.find(username);
    if (!user || !user.active) {
      this.decoyHash ??= this.hasher.hash('decoy-password-never-matches');
      await this.hasher.verify(await this.decoyHash, password);
      this.throttle.recordFailure(ip);
      throw invalidCredentials();
    }
    if (user.lockedUntil && new Date(user.lockedUntil).getTime() > this.now().getTime())
      throw accountLocked(new Date(user.lockedUntil));
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      this.throttle.recordFailure(ip);
      const lockedUntil = await this.directory.users.registerLoginFailure(
        user.username,
        this.policy.loginMaxFailures,
        this.policy.loginLockoutMinutes,
      );
      throw lockedUntil ? accountLocked(lockedUntil) : invalidCredentials();
    }
    await this.directory.users.registerLoginSuccess(user.username);
    const { token, session } = await this.sessions.create(user.username);
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
    await this.directory.users.setPassword(user.username, newPassword);
    // Whoever else holds a session (perhaps the reason for the change) is signed out.
    await this.sessions.destroyAllOf(user.username, session.id);
  }
}
