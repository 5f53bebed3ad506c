import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';

/** One term of a lease: whoever inserts it first holds the lease for that stretch of time. */
interface TermRecord {
  _id: string;
  lease: string;
  term: number;
  holder: string;
  takenAt: Date;
}

export interface LeaseOptions {
  /** Length of a term (ms): a holder that dies is replaced within one to two terms. */
  termMs?: number;
  /** Real time in epoch ms: leases are about processes being alive, not about the app's (movable) clock. */
  now?: () => number;
  /** Who this process is in the lease documents (a random id by default). */
  holder?: string;
}

const COLLECTION = 'leases';
const DEFAULT_TERM_MS = 10_000;

const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 11000;

/**
 * Work that must run in one process of several (the task notifier, the context warmer, deploy-at-start): held in the
 * database, so app replicas agree without talking to each other.
 *
 * Time is cut into terms of `termMs`; the lease of term k is the document `<name>#k`, and whoever inserts it holds
 * the lease for that term. An insert with a unique `_id` is the one write FerretDB makes atomic under concurrency
 * (no transactions, and a conditional update can lose a race there), and expiry is the clock itself, computed in
 * code (no TTL indexes). The holder takes term k+1 in the second half of term k, before anyone else may try it, so
 * a live holder keeps the lease; a dead one's lease passes to another process at the next term. Replicas' clocks
 * must agree to well within half a term (NTP does).
 */
export class Lease {
  readonly holder: string;
  private readonly termMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private released = false;

  constructor(
    private readonly connection: Connection,
    readonly name: string,
    options: LeaseOptions = {},
  ) {
    this.holder = options.holder ?? randomUUID();
    this.termMs = options.termMs ?? DEFAULT_TERM_MS;
    this.now = options.now ?? Date.now;
  }

  /** Whether this process holds the lease now: takes it when the current term is free, and the next one ahead. */
  async holds(): Promise<boolean> {
    if (this.released) return false;
    const now = this.now();
    const term = Math.floor(now / this.termMs);
    if ((await this.take(term)) !== this.holder) return false;
    if (now - term * this.termMs >= this.termMs / 2) await this.take(term + 1);
    return true;
  }

  /** Keeps the lease taken between uses (a check every quarter term), so work polled rarely stays in one process. */
  keep(onError: (error: unknown) => void = () => undefined): void {
    this.timer ??= setInterval(() => void this.holds().catch(onError), this.termMs / 4);
    this.timer.unref();
  }

  /** Waits until this process holds the lease, checking every `pollMs`; false when `giveUp` says to stop. */
  async acquire(pollMs = 250, giveUp: () => boolean = () => false): Promise<boolean> {
    while (!giveUp()) {
      if (await this.holds()) return true;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return false;
  }

  /** Gives the lease up at once (this and the next term), so another process need not wait for the term's end. */
  async release(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.terms().deleteMany({ lease: this.name, holder: this.holder });
  }

  /** Stops keeping the lease and gives it up; holds() answers false from now on. */
  async close(): Promise<void> {
    this.released = true;
    await this.release();
  }

  /** The holder of a term, taking it when nobody has. */
  private async take(term: number): Promise<string | undefined> {
    const _id = `${this.name}#${term}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.terms().insertOne({
          _id,
          lease: this.name,
          term,
          holder: this.holder,
          takenAt: new Date(this.now()),
        });
        // Terms long past limit nothing: swept by whoever takes a new one.
        await this.terms().deleteMany({ lease: this.name, term: { $lt: term - 2 } });
        return this.holder;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const found = await this.terms().findOne({ _id });
      // Gone between the insert and the read: its holder released it; try once more.
      if (found) return found.holder;
    }
    return undefined;
  }

  private terms() {
    return this.connection.collection<TermRecord>(COLLECTION);
  }
}

/**
 * Runs `work` in one process at a time: waits for the lease (another replica may be doing the same work now), keeps
 * it while the work runs, then gives it up. Work done at start (deploying, seeding) must be idempotent: the next
 * replica runs it after this one and should find nothing left to do.
 */
export async function underLease<T>(lease: Lease, work: () => Promise<T>): Promise<T> {
  await lease.acquire();
  lease.keep();
  try {
    return await work();
  } finally {
    await lease.release();
  }
}
