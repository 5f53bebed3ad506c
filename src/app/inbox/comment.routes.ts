import type { CommentList } from '../../shared/contracts/index.js';
import { Type } from '@sinclair/typebox';
import { badRequest } from '../../lib/errors.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import type { CommentService } from './comment.service.js';
import { isCommentCursor } from './comment.store.js';
import { markPersonnelRead, personnelReadAudit } from './personnel-audit.js';
import type { EngineTask } from './task-engine.port.js';
import type { TaskTaker } from './task-access.js';

const TASK_TAKER = anyRole('staff', 'head');
const KEY = /^\d{1,19}$/;

/** The length (1–2000 after trimming) is checked by the service, with a message on the field (422). */
const CommentBody = Type.Object(
  { text: Type.String({ maxLength: 20_000 }) },
  { additionalProperties: false },
);

export interface CommentRouteDependencies {
  comments: CommentService;
  groupsOf(username: string): Promise<string[]>;
  /** Whether a task's data is personnel data (its reads are audited). */
  isPersonnel(task: EngineTask): boolean;
}

/** Comments on a task's process instance, for those who may see the task. */
export function commentRoutes({
  comments,
  groupsOf,
  isPersonnel,
}: CommentRouteDependencies): RouteDefinition[] {
  const takerOf = async (principal: Principal | null): Promise<TaskTaker> => {
    if (!principal) throw new Error('comment route ran without a principal');
    return {
      username: principal.username,
      fullName: principal.fullName,
      groups: await groupsOf(principal.username),
    };
  };
  const keyOf = (raw: unknown): string => (KEY.test(String(raw)) ? String(raw) : '0');
  return [
    defineRoute({
      method: 'get',
      path: '/api/inbox/tasks/:key/comments',
      permission: TASK_TAKER,
      summary:
        "The comments the user may see on a task's process instance (their unit's tasks, or all for the Bloc's bodies), newest first, 50 a page (?before=<next>)",
      audit: personnelReadAudit('personnel.comments-read'),
      handler: async ({ req, res, principal }) => {
        const before = req.query.before;
        if (before !== undefined && (typeof before !== 'string' || !isCommentCursor(before)))
          throw badRequest('invalid_cursor', 'Tham số "before" không hợp lệ.', [
            { field: 'before', message: 'Hãy dùng giá trị "next" của trang trước.' },
          ]);
        const page = await comments.list(await takerOf(principal), keyOf(req.params.key), before, (task) => {
          if (isPersonnel(task))
            markPersonnelRead(res, {
              taskKey: task.key,
              processInstanceKey: task.processInstanceKey,
              taskName: task.name,
            });
        });
        res.json(page satisfies CommentList);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/comments',
      permission: TASK_TAKER,
      body: CommentBody,
      summary:
        "Add a comment (1–2000 characters) to an open task's process instance (at most 10 a minute per user)",
      handler: async ({ req, res, principal, body }) => {
        res
          .status(201)
          .json(
            (await comments.add(
              await takerOf(principal),
              keyOf(req.params.key),
              body.text,
            )) satisfies CommentList,
          );
      },
    }),
  ];
}
