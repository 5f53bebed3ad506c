import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { CommentStore } from './comment.store.js';
import type { InboxService } from './inbox.service.js';
import type { TaskTaker } from './task-access.js';

export const COMMENT_MAX_LENGTH = 2000;

export interface TaskCommentView {
  at: string;
  author: string;
  text: string;
}

const invalidComment = (message: string): AppError =>
  new AppError(422, 'invalid_comment', 'Ý kiến chưa hợp lệ.', [{ field: 'text', message }]);

/** Comments on the process instance of a task, for those who may see the task (403 otherwise, through the inbox). */
export class CommentService {
  constructor(
    private readonly inbox: InboxService,
    private readonly store: CommentStore,
    private readonly clock: Clock,
  ) {}

  async list(taker: TaskTaker, key: string): Promise<TaskCommentView[]> {
    const task = await this.inbox.visible(taker, key);
    return this.viewsOf(task.processInstanceKey);
  }

  async add(taker: TaskTaker, key: string, rawText: string): Promise<TaskCommentView[]> {
    const task = await this.inbox.visible(taker, key);
    const text = rawText.trim();
    if (text.length === 0) throw invalidComment('Hãy nhập nội dung ý kiến.');
    if (text.length > COMMENT_MAX_LENGTH)
      throw invalidComment(`Ý kiến dài tối đa ${COMMENT_MAX_LENGTH} ký tự.`);
    await this.store.add({
      processInstanceKey: task.processInstanceKey,
      taskKey: task.key,
      author: taker.username,
      authorName: taker.fullName ?? taker.username,
      text,
      at: this.clock.now(),
    });
    return this.viewsOf(task.processInstanceKey);
  }

  async viewsOf(processInstanceKey: string): Promise<TaskCommentView[]> {
    return (await this.store.of(processInstanceKey)).map((comment) => ({
      at: comment.at.toISOString(),
      author: comment.authorName,
      text: comment.text,
    }));
  }
}
