import type { AttachmentList } from '../../shared/contracts/index.js';
import { policy } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { instanceNotFound, mayWatchAnything, type InstanceDataAccess } from '../monitoring/index.js';
import { attachmentNotFound } from './attachment.errors.js';
import type { AttachmentStore } from './attachment.store.js';
import { attachmentDisposition, itemOf } from './attachment-views.js';

/** The cockpit's users (monitor.routes.ts): supervisors and the bodies that own a process. */
const WATCHER = policy('monitor', (principal) => mayWatchAnything(principal));
const KEY = /^\d{1,19}$/;
const FILE_ID = /^[0-9a-f]{24}$/;
const PERSONNEL_READ = 'attachmentPersonnelRead';

export interface InstanceAttachmentRouteDependencies {
  store: AttachmentStore;
  /** The cockpit's rule for an instance's data (monitoring's dataAccess). */
  dataAccess: InstanceDataAccess;
}

export const instanceDownloadPath = (instanceKey: string, id: string): string =>
  `/api/monitor/instances/${instanceKey}/attachments/${id}`;

/**
 * The files submitted in an instance, in the cockpit: for those who watch its process, and for a personnel instance
 * only for those who may read its data (as its variables); every read of personnel files is audited.
 */
export function instanceAttachmentRoutes({
  store,
  dataAccess,
}: InstanceAttachmentRouteDependencies): RouteDefinition[] {
  const audit = {
    action: 'personnel.attachment-download',
    when: ({ res }: { res: { locals: Record<string, unknown> } }) => res.locals[PERSONNEL_READ] === true,
  };
  const readable = async (principal: Parameters<InstanceDataAccess>[0] | null, rawKey: unknown) => {
    const key = String(rawKey);
    if (!principal || !KEY.test(key)) throw instanceNotFound();
    const access = await dataAccess(principal, key);
    return { key, ...access };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances/:key/attachments',
      permission: WATCHER,
      summary:
        'The files submitted with the forms of an instance the user watches (personnel files only to their readers: an empty list with personnelHidden otherwise)',
      audit: { ...audit, action: 'personnel.attachment-list' },
      handler: async ({ req, res, principal }) => {
        const { key, readable: mayRead, personnel } = await readable(principal, req.params.key);
        const files = mayRead ? await store.submittedOf(key) : [];
        if (personnel && files.length > 0) res.locals[PERSONNEL_READ] = true;
        res.setHeader('Cache-Control', 'private, no-store');
        res.json({
          items: files.map((file) => itemOf(file, instanceDownloadPath(key, file.id))),
        } satisfies AttachmentList);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/monitor/instances/:key/attachments/:id',
      permission: WATCHER,
      summary:
        'Download a file submitted in an instance the user watches (personnel files only to their readers)',
      audit,
      handler: async ({ req, res, principal }) => {
        const { key, readable: mayRead, personnel } = await readable(principal, req.params.key);
        const id = String(req.params.id ?? '');
        if (!FILE_ID.test(id) || !mayRead) throw attachmentNotFound();
        const file = await store.find(id);
        if (!file || file.processInstanceKey !== key || file.submittedAt === null) throw attachmentNotFound();
        const content = await store.content(id);
        if (!content) throw attachmentNotFound();
        if (personnel) res.locals[PERSONNEL_READ] = true;
        res.setHeader('Cache-Control', 'private, no-store');
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
        res.send(content);
      },
    }),
  ];
}
