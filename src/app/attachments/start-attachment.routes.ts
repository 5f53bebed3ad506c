import type { AttachmentRef } from '../../shared/contracts/index.js';
import { badRequest } from '../../lib/errors.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import type { StartUploads } from './start-attachments.service.js';
import { cleanFileName } from './uploads.js';
import { readBody } from './upload-body.js';
import { FIELD_KEY } from './task-attachment.routes.js';

const PROCESS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Upload a file for a start form's file field (before the instance exists); the start then refers to it. */
export function startAttachmentRoutes({
  uploads,
  maxBytes,
}: {
  uploads: StartUploads;
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
}): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/processes/:processId/attachments',
      permission: SIGNED_IN,
      summary:
        "Upload one file for a file field of a process's start form, for a user who may start it (as for tasks: ?field=, X-File-Name, types by content, ATTACHMENT_MAX_BYTES); the start refers to the answer",
      handler: async ({ req, res, principal }) => {
        if (!principal) throw new Error('start attachment route ran without a principal');
        const field = typeof req.query.field === 'string' ? req.query.field : '';
        if (!FIELD_KEY.test(field) || field.length > 200)
          throw badRequest(
            'attachment_field_missing',
            'Thiếu hoặc sai tham số "field" (khóa của trường tệp).',
          );
        const processId = String(req.params.processId ?? '');
        const target = await uploads.target(principal, PROCESS_ID.test(processId) ? processId : '-', {
          field,
          fileName: cleanFileName(req.get('x-file-name')),
          declaredType: req.get('content-type'),
        });
        res
          .status(201)
          .json((await uploads.save(target, await readBody(req, res, maxBytes))) satisfies AttachmentRef);
      },
    }),
  ];
}
