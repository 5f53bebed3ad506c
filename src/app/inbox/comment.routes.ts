import type { CommentList } from '../../shared/contracts/index.js';
import { Type } from '@sinclair/typebox';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import type { CommentService } from './comment.service.js';
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
}

/** Comments on a task's process instance, for those who may see the task. */
export function commentRoutes({ comments, groupsOf }: CommentRouteDependencies): RouteDefinition[] {
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
      summary: "The comments on a task's process instance, oldest first",
      handler: async ({ req, res, principal }) => {
        res.json({
          items: await comments.list(await takerOf(principal), keyOf(req.params.key)),
        } satisfies CommentList);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/comments',
      permission: TASK_TAKER,
      body: CommentBody,
      summary: "Add a comment (1–2000 characters) to a task's process instance",
      handler: async ({ req, res, principal, body }) => {
        const items = await comments.add(await takerOf(principal), keyOf(req.params.key), body.text);
        res.status(201).json({ items } satisfies CommentList);
      },
    }),
  ];
}
