import type { AttachmentList, AttachmentRef } from '../../shared/contracts/index.js';
import { badRequest } from '../../lib/errors.js';
import { anyRole } from '../http/permissions.js';
import { defineRoute, type Principal, type RouteDefinition } from '../http/route.types.js';
import {
  markPersonnelRead,
  PERSONNEL_PROCESS_ID,
  personnelReadAudit,
  type EngineTask,
  type TaskTaker,
} from '../inbox/index.js';
import { attachmentNotFound } from './attachment.errors.js';
import { attachmentDisposition } from './attachment-views.js';
import type { TaskAttachments } from './task-attachments.service.js';
import { cleanFileName } from './uploads.js';
import { readBody } from './upload-body.js';

const TASK_TAKER = anyRole('staff', 'head');
const KEY = /^\d{1,19}$/;
const FILE_ID = /^[0-9a-f]{24}$/;
/** A file field's key path, as the form writes it (`hoSo`, `phuLuc.tep`). */
export const FIELD_KEY = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export interface TaskAttachmentRouteDependencies {
  attachments: TaskAttachments;
  groupsOf(username: string): Promise<string[]>;
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
}

/** Upload a file for a held task's file field; list and download the files of the instance one sees through a task. */
export function taskAttachmentRoutes({
  attachments,
  groupsOf,
  maxBytes,
}: TaskAttachmentRouteDependencies): RouteDefinition[] {
  const takerOf = async (principal: Principal | null): Promise<TaskTaker> => {
    if (!principal) throw new Error('attachment route ran without a principal');
    return {
      username: principal.username,
      fullName: principal.fullName,
      groups: await groupsOf(principal.username),
    };
  };
  const keyOf = (raw: unknown): string => (KEY.test(String(raw)) ? String(raw) : '0');
  const markIfPersonnel = (res: Parameters<typeof markPersonnelRead>[0], task: EngineTask) => {
    if (task.processDefinitionId === PERSONNEL_PROCESS_ID)
      markPersonnelRead(res, {
        taskKey: task.key,
        processInstanceKey: task.processInstanceKey,
        taskName: task.name,
      });
  };
  return [
    defineRoute({
      method: 'post',
      path: '/api/inbox/tasks/:key/attachments',
      permission: TASK_TAKER,
      summary:
        "Upload one file for a file field of a held task (?field=<key>; raw body, file name URL-encoded in X-File-Name; pdf, doc, docx, xlsx, jpg, png checked by content; ATTACHMENT_MAX_BYTES, 413 beyond); answers the reference the field's value holds",
      handler: async ({ req, res, principal }) => {
        const field = typeof req.query.field === 'string' ? req.query.field : '';
        if (!FIELD_KEY.test(field) || field.length > 200)
          throw badRequest(
            'attachment_field_missing',
            'Thiếu hoặc sai tham số "field" (khóa của trường tệp).',
          );
        const fileName = cleanFileName(req.get('x-file-name'));
        const target = await attachments.target(await takerOf(principal), keyOf(req.params.key), {
          field,
          fileName,
          declaredType: req.get('content-type'),
        });
        const ref = await attachments.save(target, await readBody(req, res, maxBytes));
        res.status(201).json(ref satisfies AttachmentRef);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/inbox/tasks/:key/attachments',
      permission: TASK_TAKER,
      summary:
        "The files submitted with the forms of a task's instance that the user sees through this task (their unit's chain, or all for the Bloc's bodies)",
      audit: personnelReadAudit('personnel.attachment-list'),
      handler: async ({ req, res, principal }) => {
        const { task, items } = await attachments.list(await takerOf(principal), keyOf(req.params.key));
        if (items.length > 0) markIfPersonnel(res, task);
        res.setHeader('Cache-Control', 'private, no-store');
        res.json({ items } satisfies AttachmentList);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/inbox/tasks/:key/attachments/:id',
      permission: TASK_TAKER,
      summary:
        'Download a file attached in the instance of a task the user sees, within what the task shows them',
      audit: personnelReadAudit('personnel.attachment-download'),
      handler: async ({ req, res, principal }) => {
        const id = String(req.params.id ?? '');
        if (!FILE_ID.test(id)) throw attachmentNotFound();
        const { attachment, content, task } = await attachments.download(
          await takerOf(principal),
          keyOf(req.params.key),
          id,
        );
        markIfPersonnel(res, task);
        res.setHeader('Cache-Control', 'private, no-store');
        res.setHeader('Content-Type', attachment.contentType);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Content-Disposition', attachmentDisposition(attachment.fileName));
        res.send(content);
      },
    }),
  ];
}
