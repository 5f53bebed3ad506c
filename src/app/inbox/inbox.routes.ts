import type { DraftSaved, TaskDetail } from '../../shared/contracts/index.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import { parseInboxQuery } from './inbox-query.js';
import { FormDataBody } from './inbox.schemas.js';
import type { InboxService } from './inbox.service.js';
import type { TaskTaker } from './task-access.js';
import { markPersonnelRead, personnelReadAudit } from './personnel-audit.js';

/** Staff and unit heads take tasks; which tasks is decided per task against their candidate groups (403 otherwise). */
const TASK_TAKER = anyRole('staff', 'head');
const KEY = /^\d{1,19}$/;

export interface InboxRouteDependencies {
  inbox: InboxService;
  /** The candidate groups of a user's units and roles (the organisation module's candidateGroupsOfUser). */
  groupsOf(username: string): Promise<string[]>;
}

export function inboxRoutes({ inbox, groupsOf }: InboxRouteDependencies): RouteDefinition[] {
  const takerOf = async (principal: Principal | null): Promise<TaskTaker> => {
    if (!principal) throw new Error('inbox route ran without a principal');
    return {
      username: principal.username,
      fullName: principal.fullName,
      groups: await groupsOf(principal.username),
    };
  };
  const keyOf = (raw: unknown): string => {
    const key = String(raw);
    // A key that cannot exist is answered like an unknown task.
    return KEY.test(key) ? key : '0';
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/inbox/tasks',
      permission: TASK_TAKER,
      summary:
        "The user's tasks (assigned, or open to their groups), filtered, sorted and paged, with counts",
      handler: async ({ req, res, principal }) => {
        res.json(
          await inbox.list(await takerOf(principal), parseInboxQuery(req.query as Record<string, unknown>)),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/inbox/tasks/:key',
      permission: TASK_TAKER,
      summary:
        'One task with its form, its data (variables and the saved draft), its history and comments as the user may see them',
      audit: personnelReadAudit('personnel.task-read'),
      handler: async ({ req, res, principal }) => {
        const detail = await inbox.get(await takerOf(principal), keyOf(req.params.key), (task) => {
          if (inbox.isPersonnel(task))
            markPersonnelRead(res, {
              taskKey: task.key,
              processInstanceKey: task.processInstanceKey,
              taskName: task.name,
            });
        });
        res.json(detail satisfies TaskDetail);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/claim',
      permission: TASK_TAKER,
      summary: 'Claim a task open to one of the user’s groups',
      handler: async ({ req, res, principal }) => {
        await inbox.claim(await takerOf(principal), keyOf(req.params.key));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/unclaim',
      permission: TASK_TAKER,
      summary: 'Give back a task the user holds',
      handler: async ({ req, res, principal }) => {
        await inbox.unclaim(await takerOf(principal), keyOf(req.params.key));
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/inbox/tasks/:key/draft',
      permission: TASK_TAKER,
      body: FormDataBody,
      summary: 'Save the form as a draft, kept on the server and restored when the task is opened again',
      handler: async ({ req, res, principal, body }) => {
        res.json(
          (await inbox.saveDraft(
            await takerOf(principal),
            keyOf(req.params.key),
            body.data,
          )) satisfies DraftSaved,
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/complete',
      permission: TASK_TAKER,
      body: FormDataBody,
      summary:
        "Complete a held task; the data is validated against the task's form on the server (422 per field)",
      handler: async ({ req, res, principal, body }) => {
        await inbox.complete(await takerOf(principal), keyOf(req.params.key), body.data);
        res.status(204).end();
      },
    }),
  ];
}
