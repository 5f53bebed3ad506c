import { createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';

export interface SessionRecord {
  /** sha256 of the cookie token: a stolen database copy does not yield usable cookies. */
  _id: string;
  username: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end, whatever the activity. */
  expiresAt: Date;
}

const sessionSchema = new Schema<SessionRecord>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ActiveSession {
  id: string;
  username: string;
  csrfToken: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** Derived from the secret token, so it needs no storage and is useless without the cookie it belongs to. */
const csrfOf = (token: string): string => createHash('sha256').update(`csrf:${token}`).digest('base64url');
// Writing lastSeenAt on every request is wasteful; a little slack on idle expiry is harmless.
const TOUCH_INTERVAL_MS = 30_000;

/** Sessions in MongoDB, expired in code (FerretDB has no TTL indexes). */
export class SessionService {
  private readonly sessions: Model<SessionRecord>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.sessions =
      (connection.models.Session as Model<SessionRecord> | undefined) ??
      connection.model<SessionRecord>('Session', sessionSchema);
  }

  async create(username: string): Promise<{ token: string; session: ActiveSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    await this.sessions.create({ _id: sha256(token), username, createdAt: now, lastSeenAt: now, expiresAt });
    return { token, session: { id: sha256(token), username, csrfToken: csrfOf(token) } };
  }

  /** The live session of a cookie token, refreshing its idle timer; expired sessions are removed on sight. */
  async resolve(token: string): Promise<ActiveSession | null> {
    const id = sha256(token);
    const record = await this.sessions.findById(id).lean<SessionRecord>();
    if (!record) return null;
    const now = this.clock.now();
    if (this.isExpired(record, now)) {
      await this.sessions.deleteOne({ _id: id });
      return null;
    }
    if (now.getTime() - new Date(record.lastSeenAt).getTime() > TOUCH_INTERVAL_MS)
      await this.sessions.updateOne({ _id: id }, { $set: { lastSeenAt: now } });
    return { id, username: record.username, csrfToken: csrfOf(token) };
  }

  /** Ends the session of a cookie token, if any. */
  async end(token: string): Promise<void> {
    await this.sessions.deleteOne({ _id: sha256(token) });
  }

  async destroy(id: string): Promise<void> {
    await this.sessions.deleteOne({ _id: id });
  }

  /** Ends every session of a user, except optionally the one making the request. */
  async destroyAllOf(username: string, exceptId?: string): Promise<number> {
    const filter = exceptId ? { username, _id: { $ne: exceptId } } : { username };
    return (await this.sessions.deleteMany(filter)).deletedCount;
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.policy.idleMinutes * 60_000);
    const result = await this.sessions.deleteMany({
      $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleCutoff } }],
    });
    return result.deletedCount;
  }

  async count(): Promise<number> {
    return this.sessions.countDocuments();
  }

  private isExpired(record: SessionRecord, now: Date): boolean {
    const idleFor = now.getTime() - new Date(record.lastSeenAt).getTime();
    return (
      now.getTime() >= new Date(record.expiresAt).getTime() || idleFor >= this.policy.idleMinutes * 60_000
    );
  }
}
