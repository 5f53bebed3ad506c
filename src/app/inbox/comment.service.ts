import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { CommentPage, CommentStore } from './comment.store.js';
import type { InboxService } from './inbox.service.js';
import { taskClosed } from './inbox.errors.js';
import type { TaskTaker } from './task-access.js';
import { isOpenState, type EngineTask } from './task-engine.port.js';

export const COMMENT_MAX_LENGTH = 2000;
/** Comments one user may write per minute and per hour, across tasks. */
export const COMMENT_RATE = { perMinute: 10, perHour: 60 };

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
  /** Times of each user's recent comments (this process's memory: reserved before any wait, so parallel posts count). */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly inbox: InboxService,
    private readonly store: CommentStore,
    private readonly clock: Clock,
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
    this.reserve(taker.username);
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

  /** Takes one of the user's comment slots, synchronously (no await between check and take). */
  private reserve(username: string): void {
    const now = this.clock.now().getTime();
    const times = (this.recent.get(username) ?? []).filter((at) => at > now - 3_600_000);
    const lastMinute = times.filter((at) => at > now - 60_000).length;
    if (lastMinute >= COMMENT_RATE.perMinute || times.length >= COMMENT_RATE.perHour) {
      this.recent.set(username, times);
      throw tooManyComments();
    }
    times.push(now);
    this.recent.set(username, times);
    if (this.recent.size > 10_000)
      for (const [name, kept] of this.recent)
        if (kept.every((at) => at <= now - 3_600_000)) this.recent.delete(name);
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
