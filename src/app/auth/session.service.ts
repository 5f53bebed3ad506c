import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
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
/**
 * A session read is kept this long, so a page's burst of requests reads it once. Every end of a session goes through
 * this service and forgets it at once (other replicas within a second or two, through lib/change-signal.ts); expiry is
 * checked against the clock at each use all the same.
 */
const SESSION_CACHE_MS = 10_000;

/** Sessions in MongoDB, expired in code (FerretDB has no TTL indexes). */
export class SessionService {
  private readonly sessions: Model<SessionRecord>;
  private readonly cache: LRUCache<string, SessionRecord>;
  /** Counts ends of sessions, so that a read that overlapped one is not kept. */
  private ends = 0;
  /** Tells the other replicas that sessions ended (app.module.ts wires it to the shared change signal). */
  private changed: () => Promise<void> = async () => undefined;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.sessions =
      (connection.models.Session as Model<SessionRecord> | undefined) ??
      connection.model<SessionRecord>('Session', sessionSchema);
    this.cache = new LRUCache<string, SessionRecord>({
      max: 10_000,
      ttl: SESSION_CACHE_MS,
      perf: { now: () => clock.now().getTime() },
      ttlResolution: 0,
    });
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
    const record = await this.read(id);
    if (!record) return null;
    const now = this.clock.now();
    if (this.isExpired(record, now)) {
      await this.destroy(id);
      return null;
    }
    if (now.getTime() - new Date(record.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.updateOne({ _id: id }, { $set: { lastSeenAt: now } });
      this.cache.set(id, { ...record, lastSeenAt: now });
    }
    return { id, username: record.username, csrfToken: csrfOf(token) };
  }

  private async read(id: string): Promise<SessionRecord | undefined> {
    const kept = this.cache.get(id);
    if (kept) return kept;
    const ends = this.ends;
    const record = (await this.sessions.findById(id).lean<SessionRecord>()) ?? undefined;
    if (record && ends === this.ends) this.cache.set(id, record);
    return record;
  }

  /** Called after every end of sessions, so other processes sharing the database forget their copies. */
  onChange(changed: () => Promise<void>): void {
    this.changed = changed;
  }

  /** Forgets every session kept in memory (another process ended some); a read in flight keeps nothing. */
  forgetAll(): void {
    this.ends += 1;
    this.cache.clear();
  }

  /** Before and after every end of sessions: nothing read in between is kept. */
  private async ending<T>(end: () => Promise<T>): Promise<T> {
    this.forgetAll();
    try {
      return await end();
    } finally {
      this.forgetAll();
      await this.changed();
    }
  }

  /** Ends the session of a cookie token, if any. */
  async end(token: string): Promise<void> {
    await this.destroy(sha256(token));
  }

  async destroy(id: string): Promise<void> {
    await this.ending(() => this.sessions.deleteOne({ _id: id }));
  }

  /** Ends every session of a user, except optionally the one making the request. */
  async destroyAllOf(username: string, exceptId?: string): Promise<number> {
    const filter = exceptId ? { username, _id: { $ne: exceptId } } : { username };
    return (await this.ending(() => this.sessions.deleteMany(filter))).deletedCount;
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.policy.idleMinutes * 60_000);
    const result = await this.ending(() =>
      this.sessions.deleteMany({
        $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleCutoff } }],
      }),
    );
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
