import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';

/** Comments one user may write per minute and per hour, across tasks. */
export const COMMENT_RATE = { perMinute: 10, perHour: 60 };

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** One comment taken from a user's allowance, at a time. */
interface CommentSlot {
  _id: string;
  username: string;
  at: Date;
}

const schema = new Schema<CommentSlot>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'comment_rate', versionKey: false },
);
schema.index({ username: 1, at: 1 });

/**
 * The per-user comment rate, kept in the database so every app replica counts the same comments. A post first
 * inserts its slot, then counts the user's slots of the last minute and hour, its own included: parallel posts all
 * count each other (through any replica), so the limit is never passed; one over the limit takes its slot back.
 */
export class CommentRateLimit {
  private readonly Slot: Model<CommentSlot>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
  ) {
    this.Slot =
      (connection.models.CommentSlot as Model<CommentSlot> | undefined) ??
      connection.model<CommentSlot>('CommentSlot', schema);
  }

  /** Takes one comment of the user's allowance; false (nothing taken) when the minute's or hour's is used up. */
  async take(username: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const _id = randomUUID();
    await this.Slot.create({ _id, username, at: new Date(now) });
    const times = (
      await this.Slot.find({ username, at: { $gt: new Date(now - HOUR_MS) } }, { at: 1 }).lean<
        CommentSlot[]
      >()
    ).map((slot) => slot.at.getTime());
    const lastMinute = times.filter((at) => at > now - MINUTE_MS).length;
    if (lastMinute > COMMENT_RATE.perMinute || times.length > COMMENT_RATE.perHour) {
      await this.Slot.deleteOne({ _id });
      return false;
    }
    // Slots older than the hour limit nothing: the user's own are swept as they write.
    await this.Slot.deleteMany({ username, at: { $lte: new Date(now - HOUR_MS) } });
    return true;
  }
}
