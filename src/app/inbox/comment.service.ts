import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { CommentRateLimit } from './comment-rate.js';
import type { CommentPage, CommentStore } from './comment.store.js';
import type { InboxService } from './inbox.service.js';
import { taskClosed } from './inbox.errors.js';
import type { TaskTaker } from './task-access.js';
import { isOpenState, type EngineTask } from './task-engine.port.js';

export const COMMENT_MAX_LENGTH = 2000;

export interface TaskCommentView {
  at: string;
  author: string;
  text: string;
}

export interface CommentPageView {
  items: TaskCommentView[];
  next: string | null;
}

const invalidComment = (message: string): AppError =>
  new AppError(422, 'invalid_comment', 'Ý kiến chưa hợp lệ.', [{ field: 'text', message }]);

const tooManyComments = (): AppError =>
  new AppError(429, 'too_many_comments', 'Bạn gửi ý kiến quá nhanh. Vui lòng thử lại sau ít phút.');

/**
 * Comments on the process instance of a task, for those who may see the task (404 otherwise): each viewer reads the
 * comments of their unit's chain of tasks, or all of the instance for the Bloc's bodies (task-scope.ts). Newest first,
 * paged; written only on open tasks, at a bounded rate per user.
 */
export class CommentService {
  constructor(
    private readonly inbox: InboxService,
    private readonly store: CommentStore,
    private readonly clock: Clock,
    /** Shared by every replica (the database): a user's rate is the same whichever replica they reach. */
    private readonly rate: CommentRateLimit,
  ) {}

  async list(
    taker: TaskTaker,
    key: string,
    before?: string,
    seen?: (task: EngineTask) => void,
  ): Promise<CommentPageView> {
    const { task, scope } = await this.inbox.visible(taker, key);
    seen?.(task);
    return viewOf(await this.store.page(task.processInstanceKey, scope, before));
  }

  async add(taker: TaskTaker, key: string, rawText: string): Promise<CommentPageView> {
    const text = rawText.trim();
    if (text.length === 0) throw invalidComment('Hãy nhập nội dung ý kiến.');
    if (text.length > COMMENT_MAX_LENGTH)
      throw invalidComment(`Ý kiến dài tối đa ${COMMENT_MAX_LENGTH} ký tự.`);
    const { task, scope } = await this.inbox.visible(taker, key);
    // A completed or cancelled task is a record: its comments are read-only.
    if (!isOpenState(task.state)) throw taskClosed();
    if (!(await this.rate.take(taker.username))) throw tooManyComments();
    await this.store.add({
      processInstanceKey: task.processInstanceKey,
      taskKey: task.key,
      chain: scope.chain,
      author: taker.username,
      authorName: taker.fullName ?? taker.username,
      text,
      at: this.clock.now(),
    });
    return viewOf(await this.store.page(task.processInstanceKey, scope));
  }
}

function viewOf(page: CommentPage): CommentPageView {
  return {
    items: page.items.map((comment) => ({
      at: comment.at.toISOString(),
      author: comment.authorName,
      text: comment.text,
    })),
    next: page.next,
  };
}
