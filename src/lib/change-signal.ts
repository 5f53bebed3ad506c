import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';

interface StampRecord {
  _id: string;
  stamp: string;
  at: Date;
}

const COLLECTION = 'change_stamps';
const DEFAULT_POLL_MS = 1_000;

const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 11000;

/**
 * Tells every process sharing the database that something it keeps in memory has changed (a role removed, a unit
 * deactivated, a session ended through another replica). A write sets one document's stamp to a new random value;
 * every process reads the stamp every `pollMs` and, when it differs from the last one seen, forgets what it keeps.
 * A random stamp and not a counter: FerretDB may lose one of two concurrent `$inc`s, but any write leaves a value
 * nobody has seen before, so no change goes unnoticed.
 */
export class ChangeSignal {
  private readonly listeners: (() => void)[] = [];
  private seen: string | null | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly connection: Connection,
    readonly name: string,
    private readonly pollMs = DEFAULT_POLL_MS,
  ) {}

  /** Called in this process when another one announced a change (and once at the first poll). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Records that a change was written; the other processes forget their copies within one poll. */
  async announce(): Promise<void> {
    const stamp = randomUUID();
    const update = { $set: { stamp, at: new Date() } };
    try {
      await this.stamps().updateOne({ _id: this.name }, update, { upsert: true });
    } catch (error) {
      // Two first announcements at once: the loser of the insert updates the winner's document.
      if (!isDuplicateKey(error)) throw error;
      await this.stamps().updateOne({ _id: this.name }, update);
    }
  }

  /** Reads the stamp once; tells the listeners when it changed since the last read. */
  async poll(): Promise<void> {
    const found = await this.stamps().findOne({ _id: this.name });
    const stamp = found?.stamp ?? null;
    // The first read cannot know what was kept before it: anything kept is forgotten once.
    if (stamp !== this.seen) for (const listener of this.listeners) listener();
    this.seen = stamp;
  }

  start(onError: (error: unknown) => void = () => undefined): void {
    this.timer ??= setInterval(() => {
      this.polling ??= this.poll()
        .catch(onError)
        .finally(() => (this.polling = undefined));
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  private stamps() {
    return this.connection.collection<StampRecord>(COLLECTION);
  }
}
