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

interface LimitRecord {
  /** `acct:<username>` or `ip:<address>`. */
  _id: string;
  /** Attempts reserved and not given back (failures, and attempts still being verified). */
  count: number;
  /** Start of the per-address window. */
  since: Date;
  /** Accounts only: locked until then. */
  lockedUntil: Date | null;
}

const schema = new Schema<LimitRecord>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    since: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
  },
  { collection: 'login_limits', versionKey: false },
);

export type AccountReservation = { ok: true } | { ok: false; lockedUntil: Date };

const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 11000;

/**
 * The sign-in limits, kept in the database and taken *before* a password is verified: each attempt first reserves a
 * slot with one single-document atomic update (FerretDB has no transactions), so parallel requests cannot all pass a
 * check that only a finished failure would have updated. A success gives its slots back; a failure keeps them.
 *
 * Account names are counted whether or not an account exists, so a locked account and an unknown name answer alike.
 */
export class LoginLimits {
  private readonly Limit: Model<LimitRecord>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    private readonly policy: LoginLimitPolicy,
  ) {
    this.Limit =
      (connection.models.LoginLimit as Model<LimitRecord> | undefined) ??
      connection.model<LimitRecord>('LoginLimit', schema);
  }

  /** Takes one attempt from the address's window; false when the window is used up. */
  async reserveIp(ip: string): Promise<boolean> {
    const _id = `ip:${ip}`;
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.policy.ipWindowMinutes * 60_000);
    for (let round = 0; round < 3; round++) {
      const taken = await this.Limit.updateOne(
        { _id, since: { $gt: cutoff }, count: { $lt: this.policy.ipMaxAttempts } },
        { $inc: { count: 1 } },
      );
      if (taken.modifiedCount === 1) return true;
      // The window ran out: the first request to see it starts a new one.
      const renewed = await this.Limit.updateOne(
        { _id, since: { $lte: cutoff } },
        { $set: { since: now, count: 1 } },
      );
      if (renewed.modifiedCount === 1) return true;
      try {
        await this.Limit.create({ _id, count: 1, since: now, lockedUntil: null });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Someone else created it meanwhile: it exists now, so the next round decides.
      }
      const current = await this.Limit.findById(_id).lean<LimitRecord>();
      if (current && current.since.getTime() > cutoff.getTime()) return false;
    }
    return false;
  }

  /** Gives an address's attempt back (the sign-in succeeded or was never tried). */
  async releaseIp(ip: string): Promise<void> {
    await this.Limit.updateOne({ _id: `ip:${ip}`, count: { $gt: 0 } }, { $inc: { count: -1 } });
  }

  /** Takes one attempt of an account name; refused while it is locked or every attempt is taken. */
  async reserveAccount(username: string): Promise<AccountReservation> {
    const _id = `acct:${username}`;
    const now = this.clock.now();
    // A lock that has run out is lifted, with its count.
    await this.Limit.updateOne(
      { _id, lockedUntil: { $lte: now } },
      { $set: { count: 0, lockedUntil: null } },
    );
    const taken = await this.Limit.updateOne(
      { _id, lockedUntil: null, count: { $lt: this.policy.accountMaxFailures } },
      { $inc: { count: 1 } },
    );
    if (taken.modifiedCount === 1) return { ok: true };
    try {
      await this.Limit.create({ _id, count: 1, since: now, lockedUntil: null });
      return { ok: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const current = await this.Limit.findById(_id).lean<LimitRecord>();
    if (current?.lockedUntil && current.lockedUntil.getTime() > now.getTime())
      return { ok: false, lockedUntil: current.lockedUntil };
    // Every attempt is taken by requests still being verified: as good as locked for this one.
    return { ok: false, lockedUntil: this.lockEnd(now) };
  }

  /** Gives an account's attempt back (it was never verified). */
  async releaseAccount(username: string): Promise<void> {
    await this.Limit.updateOne(
      { _id: `acct:${username}`, lockedUntil: null, count: { $gt: 0 } },
      { $inc: { count: -1 } },
    );
  }

  /** After a wrong password: locks the account once its attempts are used up; returns the lock's end if locked. */
  async accountFailed(username: string): Promise<Date | null> {
    const _id = `acct:${username}`;
    const now = this.clock.now();
    const lockedUntil = this.lockEnd(now);
    await this.Limit.updateOne(
      { _id, lockedUntil: null, count: { $gte: this.policy.accountMaxFailures } },
      { $set: { lockedUntil } },
    );
    const current = await this.Limit.findById(_id).lean<LimitRecord>();
    return current?.lockedUntil && current.lockedUntil.getTime() > now.getTime() ? current.lockedUntil : null;
  }

  /** After a right password, or an administrator's reset: the account's count starts again, unlocked. */
  async clearAccount(username: string): Promise<void> {
    await this.Limit.updateOne({ _id: `acct:${username}` }, { $set: { count: 0, lockedUntil: null } });
  }

  async lockedUntil(username: string): Promise<Date | null> {
    const current = await this.Limit.findById(`acct:${username}`).lean<LimitRecord>();
    const now = this.clock.now().getTime();
    return current?.lockedUntil && current.lockedUntil.getTime() > now ? current.lockedUntil : null;
  }

  /** Drops records that no longer limit anything, so unknown names and addresses do not pile up. */
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.policy.ipWindowMinutes * 60_000);
    await this.Limit.deleteMany({
      $or: [
        { _id: { $regex: /^ip:/ }, since: { $lte: cutoff } },
        { _id: { $regex: /^acct:/ }, count: 0, lockedUntil: null },
        { _id: { $regex: /^acct:/ }, lockedUntil: { $lte: now } },
      ],
    });
  }

  private lockEnd(now: Date): Date {
    return new Date(now.getTime() + this.policy.accountLockoutMinutes * 60_000);
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
