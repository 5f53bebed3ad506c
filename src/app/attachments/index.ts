// The attachments module's public entry: files chosen in forms' file fields, stored in the database (GridFS).
import type { Clock } from '../../lib/clock.js';
import type { RouteDefinition } from '../http/route.types.js';
import type { InboxService, TaskEngine } from '../inbox/index.js';
import type { InstanceDataAccess } from '../monitoring/index.js';
import type { AttachmentStore } from './attachment.store.js';
import { instanceAttachmentRoutes } from './instance-attachment.routes.js';
import { taskAttachmentRoutes } from './task-attachment.routes.js';
import { TaskAttachments } from './task-attachments.service.js';

export { AttachmentStore, type StoredAttachment } from './attachment.store.js';
export { SubmissionCheck } from './submission-check.js';
export { sweepAbandonedUploads } from './abandoned-uploads.js';
export { ACCEPTED_EXTENSIONS, FILE_KINDS } from './file-kinds.js';

export interface AttachmentModuleDependencies {
  store: AttachmentStore;
  clock: Clock;
  inbox: Pick<InboxService, 'visible'>;
  engine: Pick<TaskEngine, 'form'>;
  groupsOf(username: string): Promise<string[]>;
  /** The cockpit's rule for an instance's data; without it, no cockpit routes. */
  dataAccess?: InstanceDataAccess;
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
}

/** Upload, list and download through the inbox's tasks, and list and download in the cockpit. */
export function attachmentRoutes(deps: AttachmentModuleDependencies): RouteDefinition[] {
  return [
    ...taskAttachmentRoutes({
      attachments: new TaskAttachments(deps.store, deps.inbox, deps.engine, deps.clock),
      groupsOf: deps.groupsOf,
      maxBytes: deps.maxBytes,
    }),
    ...(deps.dataAccess ? instanceAttachmentRoutes({ store: deps.store, dataAccess: deps.dataAccess }) : []),
  ];
}
