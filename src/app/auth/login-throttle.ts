import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';

export interface LoginLimitPolicy {
  /** Failed sign-ins in a row that lock an account name. */
  accountMaxFailures: number;
  accountLockoutMinutes: number;
  /** Failed sign-ins allowed from one client address per window. */
  ipMaxAttempts: number;
  ipWindowMinutes: number;
}

/**
 * One reserved attempt: `<key>#<slot>` for an account name (`acct:<name>`), `<key>#<window>#<slot>` for a client
 * address (`ip:<address>`). The limit is the number of slots; taking one is an insert, the one operation FerretDB
 * makes atomic under concurrency (its unique `_id`): a conditional `$inc` there loses updates under load.
 */
interface SlotRecord {
  _id: string;
  key: string;
  at: Date;
}

const schema = new Schema<SlotRecord>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'login_limits', versionKey: false },
);
schema.index({ key: 1 });

export type AccountReservation = { ok: true; slot: string } | { ok: false; lockedUntil: Date };

const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 11000;

/** Failed attempts of an account name older than this no longer count (and are swept). */
const ACCOUNT_MEMORY_MS = 24 * 3_600_000;

/**
 * The sign-in limits, kept in the database and taken *before* a password is verified: each attempt first takes a
 * slot (an insert with a unique id), so parallel requests cannot all pass a check that only a finished failure would
 * have updated. A success gives its slots back; a failure keeps them; a full set of an account's slots is a lock
 * that ends LOGIN_LOCKOUT_MINUTES after the last was taken.
 *
 * Account names are counted whether or not an account exists, so a locked account and an unknown name answer alike.
 */
export class LoginLimits {
  private readonly Slot: Model<SlotRecord>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    private readonly policy: LoginLimitPolicy,
  ) {
    this.Slot =
      (connection.models.LoginLimit as Model<SlotRecord> | undefined) ??
      connection.model<SlotRecord>('LoginLimit', schema);
  }

  /** Takes one attempt from the address's current window; null when the window is used up. */
  async reserveIp(ip: string): Promise<string | null> {
    const windowMs = this.policy.ipWindowMinutes * 60_000;
    const window = Math.floor(this.clock.now().getTime() / windowMs);
    const key = `ip:${ip}#${window}`;
    return this.takeSlot(key, this.policy.ipMaxAttempts);
  }

  /** Gives an attempt back (the sign-in succeeded or was never tried). */
  async release(slot: string): Promise<void> {
    await this.Slot.deleteOne({ _id: slot });
  }

  /** Takes one attempt of an account name; refused while it is locked (every slot taken). */
  async reserveAccount(username: string): Promise<AccountReservation> {
    const key = `acct:${username}`;
    const now = this.clock.now();
    await this.Slot.deleteMany({ key, at: { $lte: new Date(now.getTime() - ACCOUNT_MEMORY_MS) } });
    const slot = await this.takeSlot(key, this.policy.accountMaxFailures);
    if (slot) return { ok: true, slot };
    const lockedUntil = await this.lockedUntil(username);
    if (lockedUntil) return { ok: false, lockedUntil };
    // The lock has run out: its failures are forgotten and the attempt tried once more.
    await this.Slot.deleteMany({ key, at: { $lte: new Date(now.getTime() - this.lockoutMs()) } });
    const retried = await this.takeSlot(key, this.policy.accountMaxFailures);
    return retried ? { ok: true, slot: retried } : { ok: false, lockedUntil: this.lockEnd(now) };
  }

  /** After a wrong password: the end of the account's lock when its attempts are used up, else null. */
  async accountFailed(username: string): Promise<Date | null> {
    return this.lockedUntil(username);
  }

  /** After a right password, or an administrator's reset: the account's failures are forgotten. */
  async clearAccount(username: string): Promise<void> {
    await this.Slot.deleteMany({ key: `acct:${username}` });
  }

  /** When every slot of the account is taken: the last one's time plus the lockout. */
  async lockedUntil(username: string): Promise<Date | null> {
    const slots = await this.Slot.find({ key: `acct:${username}` }).lean<SlotRecord[]>();
    if (slots.length < this.policy.accountMaxFailures) return null;
    const last = Math.max(...slots.map((slot) => slot.at.getTime()));
    const until = new Date(last + this.lockoutMs());
    return until.getTime() > this.clock.now().getTime() ? until : null;
  }

  /** Drops slots that no longer limit anything, so unknown names and addresses do not pile up. */
  async sweep(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.Slot.deleteMany({
      $or: [
        { key: { $regex: /^ip:/ }, at: { $lte: new Date(now - this.policy.ipWindowMinutes * 60_000) } },
        { key: { $regex: /^acct:/ }, at: { $lte: new Date(now - ACCOUNT_MEMORY_MS) } },
      ],
    });
  }

  /**
   * The first free slot of `key`, taken; null when all `limit` are. A count read first spares a blocked caller the
   * inserts (it may be stale, never wrong in the caller's favour: the inserts decide).
   */
  private async takeSlot(key: string, limit: number): Promise<string | null> {
    if ((await this.Slot.countDocuments({ key })) >= limit) return null;
    const at = this.clock.now();
    const start = Math.floor(Math.random() * limit);
    for (let i = 0; i < limit; i++) {
      const _id = `${key}#${(start + i) % limit}`;
      try {
        await this.Slot.create({ _id, key, at });
        return _id;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return null;
  }

  private lockoutMs(): number {
    return this.policy.accountLockoutMinutes * 60_000;
  }

  private lockEnd(now: Date): Date {
    return new Date(now.getTime() + this.lockoutMs());
  }
}

/** At most `limit` password verifications at once (argon2 takes 64 MiB and ~0.4 s each); the rest wait in a queue. */
export class VerificationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueue: number,
  ) {}

  /** Runs `work` when a place is free; `{ busy: true }` at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<{ busy: false; value: T } | { busy: true }> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxQueue) return { busy: true };
      // The place is handed over by the one leaving, so `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return { busy: false, value: await work() };
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
