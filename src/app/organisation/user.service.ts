import { LRUCache } from 'lru-cache';
import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { AppError } from '../../lib/errors.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/password.js';
import { assertStrongPassword } from '../../lib/password-policy.js';
import { isDuplicateKey, type UnitService } from './unit.service.js';
import type { MembershipRecord, Role, UserRecord } from './organisation.types.js';

export interface NewUser {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  memberships?: MembershipRecord[];
  mustChangePassword?: boolean;
}

export interface UserChanges {
  fullName?: string;
  email?: string;
  phone?: string;
}

/**
 * The stored "hash" of an account created without a password (an imported one). It is no argon2 hash, so no password
 * ever verifies against it: the account opens only once an administrator sets a temporary password.
 */
export const NO_PASSWORD = '!no-password';

/** A user as the API shows it: never the hash nor the lockout counters; whether a password is set at all. */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'failedLogins' | 'lockedUntil'> & {
  hasPassword: boolean;
};

export function publicUser(user: UserRecord): PublicUser {
  const { passwordHash, failedLogins: _failed, lockedUntil: _locked, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== NO_PASSWORD };
}

const userNotFound = (username: string): AppError => notFound(`Không tìm thấy người dùng "${username}".`);

/** Called when a user loses access, so their sessions end at once (the auth module supplies it). */
export type SessionRevoker = (username: string) => Promise<void>;

/**
 * Every signed-in request reads its user (and FerretDB scans for anything but `_id`), so users are kept in memory
 * for a short while. Every change made through this service forgets the user at once, and through the change signal
 * (lib/change-signal.ts) in every other replica within a second or two; one written by a process that signals
 * nothing (the seed CLI) is seen within this time.
 */
const USER_CACHE_MS = 30_000;

export class UserService {
  private revokeSessions: SessionRevoker = async () => undefined;
  private unlock: (username: string) => Promise<void> = async () => undefined;
  private readonly cache: LRUCache<string, UserRecord>;
  /** Counts writes, so that a read that overlapped one does not put what it read in memory. */
  private writes = 0;
  /** Tells the other replicas that users changed (app.module.ts wires it to the shared change signal). */
  private changed: () => Promise<void> = async () => undefined;

  constructor(
    private readonly users: Model<UserRecord>,
    private readonly units: UnitService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {
    this.cache = new LRUCache<string, UserRecord>({
      max: 10_000,
      ttl: USER_CACHE_MS,
      // The app's clock, read at every look-up (tests move it; lru-cache otherwise reuses a reading for 1 ms).
      perf: { now: () => clock.now().getTime() },
      ttlResolution: 0,
    });
  }

  /** Called after every write, so other processes sharing the database forget their copies. */
  onChange(changed: () => Promise<void>): void {
    this.changed = changed;
  }

  /** Forgets every user kept in memory (another process wrote); a read in flight keeps nothing. */
  forgetAll(): void {
    this.writes += 1;
    this.cache.clear();
  }

  onAccessRevoked(revoker: SessionRevoker): void {
    this.revokeSessions = revoker;
  }

  /** Called when an administrator resets a password, so the sign-in limits lift the account's lock. */
  onUnlock(unlock: (username: string) => Promise<void>): void {
    this.unlock = unlock;
  }

  async list(): Promise<PublicUser[]> {
    const users = await this.users.find({}, { _id: 0 }).sort({ username: 1 }).lean<UserRecord[]>();
    return users.map(publicUser);
  }

  /** Full names by username, the ones not in memory in one read; unknown usernames are left out. */
  async fullNamesOf(usernames: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const missing: string[] = [];
    for (const username of new Set(usernames)) {
      const known = this.cache.get(username);
      if (known) names.set(username, known.fullName);
      else missing.push(username);
    }
    if (missing.length === 0) return names;
    const writes = this.writes;
    const found = await this.users.find({ username: { $in: missing } }, { _id: 0 }).lean<UserRecord[]>();
    for (const user of found) {
      if (writes === this.writes) this.cache.set(user.username, user);
      names.set(user.username, user.fullName);
    }
    return names;
  }

  async find(username: string): Promise<UserRecord | undefined> {
    const name = username.toLowerCase();
    let user = this.cache.get(name);
    if (!user) {
      const writes = this.writes;
      user = (await this.users.findOne({ username: name }, { _id: 0 }).lean<UserRecord>()) ?? undefined;
      if (user && writes === this.writes) this.cache.set(name, user);
    }
    // A copy: callers may change what they are given without changing what others are given.
    return user ? structuredClone(user) : undefined;
  }

  /** Before and after every write: reads in between go to the database and keep nothing. */
  private forget(username: string): void {
    this.writes += 1;
    this.cache.delete(username.toLowerCase());
  }

  private async writing<T>(username: string, write: () => Promise<T>): Promise<T> {
    this.forget(username);
    try {
      return await write();
    } finally {
      this.forget(username);
      await this.changed();
    }
  }

  async get(username: string): Promise<UserRecord> {
    const user = await this.find(username);
    if (!user) throw userNotFound(username);
    return user;
  }

  /** For callers creating many accounts with one password (the demo seed): hash it once. */
  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  async create(input: NewUser, options: { passwordHash?: string } = {}): Promise<PublicUser> {
    // A password hashed by the caller (the demo seed) was chosen by the project, not typed by a person.
    if (!options.passwordHash)
      assertStrongPassword(
        input.password,
        { username: input.username, fullName: input.fullName },
        '/password',
      );
    const memberships = mergeMemberships(input.memberships ?? []);
    for (const membership of memberships) await this.assertAssignable(membership.unitCode);
    const now = this.clock.now();
    const record: UserRecord = {
      username: input.username.toLowerCase(),
      fullName: input.fullName.trim(),
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      passwordHash: options.passwordHash ?? (await this.hasher.hash(input.password)),
      memberships,
      active: true,
      mustChangePassword: input.mustChangePassword ?? true,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.writing(record.username, () => this.users.create(record));
    } catch (error) {
      if (isDuplicateKey(error))
        throw conflict('user_exists', `Tên đăng nhập "${input.username}" đã tồn tại.`);
      throw error;
    }
    return publicUser(await this.get(record.username));
  }

  /**
   * Creates an account without a password unless the username exists (then nothing changes): an upsert keyed by the
   * username, so an import run twice or resumed never makes a second account. The person cannot sign in until an
   * administrator sets a temporary password, which they must change at first sign-in. True when created now.
   */
  async ensureWithoutPassword(
    input: Omit<NewUser, 'password' | 'memberships' | 'mustChangePassword'>,
  ): Promise<boolean> {
    const now = this.clock.now();
    const record: UserRecord = {
      username: input.username.toLowerCase(),
      fullName: input.fullName.trim(),
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      passwordHash: NO_PASSWORD,
      memberships: [],
      active: true,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    // An insert that the unique index on username refuses when the account exists (an upsert's $setOnInsert would
    // drop the empty memberships array on the way through mongoose).
    try {
      await this.writing(record.username, () => this.users.create(record));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Adds roles in units to what the user holds (never removes any); true when something was added. */
  async addMemberships(username: string, added: MembershipRecord[]): Promise<boolean> {
    // Guarded by the old value: a concurrent change makes one attempt fail, and it is read and merged again.
    for (let attempt = 0; ; attempt++) {
      const user = await this.get(username);
      const memberships = mergeMemberships([...user.memberships, ...added]);
      if (JSON.stringify(memberships) === JSON.stringify(mergeMemberships(user.memberships))) return false;
      try {
        await this.replaceMemberships(user, memberships);
        return true;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
  }

  async update(username: string, changes: UserChanges): Promise<PublicUser> {
    const result = await this.writing(username, () =>
      this.users.updateOne(
        { username: username.toLowerCase() },
        { $set: { ...changes, updatedAt: this.clock.now() } },
      ),
    );
    if (result.matchedCount === 0) throw userNotFound(username);
    return publicUser(await this.get(username));
  }

  async setActive(username: string, active: boolean): Promise<PublicUser> {
    const result = await this.writing(username, () =>
      this.users.updateOne(
        { username: username.toLowerCase() },
        { $set: { active, updatedAt: this.clock.now() } },
      ),
    );
    if (result.matchedCount === 0) throw userNotFound(username);
    if (!active) await this.revokeSessions(username.toLowerCase());
    return publicUser(await this.get(username));
  }

  async addRole(username: string, unitCode: string, role: Role): Promise<PublicUser> {
    await this.assertAssignable(unitCode);
    const user = await this.get(username);
    const memberships = mergeMemberships([...user.memberships, { unitCode, roles: [role] }]);
    return this.replaceMemberships(user, memberships);
  }

  async removeRole(username: string, unitCode: string, role: Role): Promise<PublicUser> {
    const user = await this.get(username);
    const memberships = user.memberships
      .map((m) => (m.unitCode === unitCode ? { unitCode, roles: m.roles.filter((r) => r !== role) } : m))
      .filter((m) => m.roles.length > 0);
    return this.replaceMemberships(user, memberships);
  }

  /** Read-modify-write guarded by the old value: a concurrent change makes this one fail rather than be lost. */
  private async replaceMemberships(user: UserRecord, memberships: MembershipRecord[]): Promise<PublicUser> {
    const result = await this.writing(user.username, () =>
      this.users.updateOne(
        { username: user.username, updatedAt: user.updatedAt },
        { $set: { memberships, updatedAt: this.clock.now() } },
      ),
    );
    if (result.matchedCount === 0)
      throw conflict('concurrent_update', 'Người dùng vừa được người khác cập nhật. Vui lòng thử lại.');
    return publicUser(await this.get(user.username));
  }

  /** The user's own new password. */
  async setPassword(username: string, password: string): Promise<void> {
    await this.writePassword(username, password, { mustChangePassword: false });
  }

  /**
   * An administrator sets a temporary password (a forgotten one, a locked account): the user must change it at next
   * sign-in, the lock is lifted and every session of the user ends.
   */
  async resetPassword(username: string, temporaryPassword: string): Promise<PublicUser> {
    const name = username.toLowerCase();
    const user = await this.get(name);
    assertStrongPassword(temporaryPassword, user, '/temporaryPassword');
    await this.writePassword(name, temporaryPassword, {
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    await this.unlock(name);
    await this.revokeSessions(name);
    return publicUser(await this.get(name));
  }

  /** An administrator makes the user choose a new password at their next request (their sessions stay). */
  async requirePasswordChange(username: string): Promise<PublicUser> {
    const result = await this.writing(username, () =>
      this.users.updateOne(
        { username: username.toLowerCase() },
        { $set: { mustChangePassword: true, updatedAt: this.clock.now() } },
      ),
    );
    if (result.matchedCount === 0) throw userNotFound(username);
    return publicUser(await this.get(username));
  }

  private async writePassword(username: string, password: string, extra: Partial<UserRecord>): Promise<void> {
    const now = this.clock.now();
    const passwordHash = await this.hasher.hash(password);
    const result = await this.writing(username, () =>
      this.users.updateOne(
        { username },
        { $set: { ...extra, passwordHash, passwordChangedAt: now, updatedAt: now } },
      ),
    );
    if (result.matchedCount === 0) throw userNotFound(username);
  }

  private async assertAssignable(unitCode: string): Promise<void> {
    const unit = await this.units.find(unitCode);
    if (!unit)
      throw badRequest('unit_unknown', `Không tìm thấy đơn vị "${unitCode}".`, [
        { field: '/unitCode', message: 'Đơn vị không tồn tại.' },
      ]);
    if (!unit.active)
      throw badRequest('unit_inactive', `Đơn vị "${unitCode}" đã ngừng hoạt động.`, [
        { field: '/unitCode', message: 'Đơn vị đã ngừng hoạt động.' },
      ]);
  }
}

function mergeMemberships(memberships: MembershipRecord[]): MembershipRecord[] {
  const byUnit = new Map<string, Set<Role>>();
  for (const { unitCode, roles } of memberships) {
    const set = byUnit.get(unitCode) ?? new Set<Role>();
    roles.forEach((role) => set.add(role));
    byUnit.set(unitCode, set);
  }
  return [...byUnit].map(([unitCode, roles]) => ({ unitCode, roles: [...roles].sort() }));
}
