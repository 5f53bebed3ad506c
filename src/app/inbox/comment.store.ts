import { Schema, Types, type Connection, type Model } from 'mongoose';
import { scopeFilter, type TaskScope } from './task-scope.js';

export interface CommentRecord {
  processInstanceKey: string;
  /** The task the comment was written on. */
  taskKey: string;
  /** The task's chain (task-scope.ts): who else may read the comment. */
  chain: string;
  author: string;
  authorName: string;
  text: string;
  at: Date;
}

const commentSchema = new Schema<CommentRecord>(
  {
    processInstanceKey: { type: String, required: true },
    taskKey: { type: String, required: true },
    chain: { type: String, default: '' },
    author: { type: String, required: true },
    authorName: { type: String, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'task_comments', versionKey: false },
);
commentSchema.index({ processInstanceKey: 1, at: 1 });

export const COMMENT_PAGE_SIZE = 50;

/** One page of comments, newest first; `next` continues with older ones (null when there are none). */
export interface CommentPage {
  items: CommentRecord[];
  next: string | null;
}

/** A page boundary: the last comment's time and id, so equal times are not skipped nor repeated. */
const CURSOR = /^(\d{1,15})\.([0-9a-f]{24})$/;

export const isCommentCursor = (cursor: string): boolean => CURSOR.test(cursor);

/** Comments on a process instance, written from any of its tasks, each in the chain of its task. */
export class CommentStore {
  private readonly Comment: Model<CommentRecord>;

  constructor(connection: Connection) {
    this.Comment =
      connection.models.TaskComment ?? connection.model<CommentRecord>('TaskComment', commentSchema);
  }

  async add(comment: CommentRecord): Promise<void> {
    await this.Comment.create(comment);
  }

  /** The comments the scope shows, newest first, one page from `before` (a cursor from the previous page). */
  async page(
    processInstanceKey: string,
    scope: TaskScope,
    before?: string,
    limit = COMMENT_PAGE_SIZE,
  ): Promise<CommentPage> {
    const filter: Record<string, unknown> = scopeFilter(processInstanceKey, scope);
    const boundary = before ? CURSOR.exec(before) : null;
    if (boundary) {
      const at = new Date(Number(boundary[1]));
      const id = new Types.ObjectId(boundary[2]);
      filter.$or = [{ at: { $lt: at } }, { at, _id: { $lt: id } }];
    }
    const found = await this.Comment.find(filter)
      .sort({ at: -1, _id: -1 })
      .limit(limit + 1)
      .lean<(CommentRecord & { _id: Types.ObjectId })[]>();
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(({ _id: _ignored, ...comment }) => comment),
      next: found.length > limit && last ? `${last.at.getTime()}.${last._id.toHexString()}` : null,
    };
  }
}
