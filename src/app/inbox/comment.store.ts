import { Schema, type Connection, type Model } from 'mongoose';

export interface CommentRecord {
  processInstanceKey: string;
  /** The task the comment was written on. */
  taskKey: string;
  author: string;
  authorName: string;
  text: string;
  at: Date;
}

const commentSchema = new Schema<CommentRecord>(
  {
    processInstanceKey: { type: String, required: true },
    taskKey: { type: String, required: true },
    author: { type: String, required: true },
    authorName: { type: String, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'task_comments', versionKey: false },
);
commentSchema.index({ processInstanceKey: 1, at: 1 });

/** Comments on a process instance, written from any of its tasks. */
export class CommentStore {
  private readonly Comment: Model<CommentRecord>;

  constructor(connection: Connection) {
    this.Comment =
      connection.models.TaskComment ?? connection.model<CommentRecord>('TaskComment', commentSchema);
  }

  async add(comment: CommentRecord): Promise<void> {
    await this.Comment.create(comment);
  }

  async of(processInstanceKey: string): Promise<CommentRecord[]> {
    return this.Comment.find({ processInstanceKey }, { _id: 0 }).sort({ at: 1, _id: 1 }).limit(500).lean();
  }
}
