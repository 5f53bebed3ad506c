// The attachments module's public entry: files chosen in forms' file fields, stored in the database (GridFS).
import type { Clock } from '../../lib/clock.js';
import type { RouteDefinition } from '../http/route.types.js';
import type { InboxService, TaskEngine } from '../inbox/index.js';
import type { InstanceDataAccess } from '../monitoring/index.js';
import type { ProcessStartService } from '../process-start/index.js';
import { startAttachmentRoutes } from './start-attachment.routes.js';
import { StartUploads } from './start-attachments.service.js';
import type { AttachmentStore } from './attachment.store.js';
import { instanceAttachmentRoutes } from './instance-attachment.routes.js';
import { taskAttachmentRoutes } from './task-attachment.routes.js';
import { TaskAttachments } from './task-attachments.service.js';
import { Uploads } from './uploads.js';

export { AttachmentStore, type StoredAttachment } from './attachment.store.js';
export { SubmissionCheck } from './submission-check.js';
export { StartSubmissionCheck } from './start-attachments.service.js';
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
  /** Where start forms' uploads go; without it, start forms take no file. */
  starts?: Pick<ProcessStartService, 'startPlace'>;
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
}

/** Upload, list and download through the inbox's tasks; upload with start forms; list and download in the cockpit. */
export function attachmentRoutes(deps: AttachmentModuleDependencies): RouteDefinition[] {
  const uploads = new Uploads(deps.store, deps.clock);
  return [
    ...taskAttachmentRoutes({
      attachments: new TaskAttachments(deps.store, uploads, deps.inbox, deps.engine),
      groupsOf: deps.groupsOf,
      maxBytes: deps.maxBytes,
    }),
    ...(deps.dataAccess ? instanceAttachmentRoutes({ store: deps.store, dataAccess: deps.dataAccess }) : []),
    ...(deps.starts
      ? startAttachmentRoutes({ uploads: new StartUploads(uploads, deps.starts), maxBytes: deps.maxBytes })
      : []),
  ];
}
