import type { AttachmentItem, AttachmentRef } from '../../shared/contracts/index.js';
import { fileFieldKeys, type FormJsSchema } from '../forms/index.js';
import {
  holds,
  isOpenState,
  type EngineTask,
  type InboxService,
  type TaskEngine,
  type TaskTaker,
} from '../inbox/index.js';
import { visibleThroughTask } from './attachment-access.js';
import { attachmentNotFound, attachmentNotHeld } from './attachment.errors.js';
import type { AttachmentStore, StoredAttachment } from './attachment.store.js';
import { itemOf } from './attachment-views.js';
import type { UploadIntent, Uploads, UploadTarget } from './uploads.js';

/** A file as downloaded: its description and its bytes. */
export interface Download {
  attachment: StoredAttachment;
  content: Buffer;
  /** The task it was reached through, for the personnel audit. */
  task: EngineTask;
}

/**
 * Attachments through the inbox: upload for a held task's file field, list and download for whoever may see a task
 * of the instance (the same rule as the task's comments and history; a task one may not see is 404).
 */
export class TaskAttachments {
  constructor(
    private readonly store: AttachmentStore,
    private readonly uploads: Uploads,
    private readonly inbox: Pick<InboxService, 'visible'>,
    private readonly engine: Pick<TaskEngine, 'form'>,
  ) {}

  /**
   * Checks everything that can be checked before the file is read (the task is held, the field is a file field, the
   * name's type is allowed), so a refused upload is not read at all; returns where the file will go.
   */
  async target(taker: TaskTaker, key: string, intent: UploadIntent): Promise<UploadTarget> {
    const { task, scope } = await this.inbox.visible(taker, key);
    if (!holds(task, taker) || !isOpenState(task.state)) throw attachmentNotHeld();
    const form = await this.engine.form(key);
    const fields = form ? fileFieldKeys(form.schema as unknown as FormJsSchema) : [];
    const place = {
      processInstanceKey: task.processInstanceKey,
      processId: task.processDefinitionId,
      taskKey: task.key,
      stepName: task.name,
      chain: scope.chain,
      field: intent.field,
    };
    return this.uploads.target(place, taker, fields, intent);
  }

  save(target: UploadTarget, content: Buffer): Promise<AttachmentRef> {
    return this.uploads.save(target, content);
  }

  /** The submitted files of the task's instance that the user sees through this task, oldest first. */
  async list(taker: TaskTaker, key: string): Promise<{ task: EngineTask; items: AttachmentItem[] }> {
    const { task, scope } = await this.inbox.visible(taker, key);
    const files = await this.store.submittedOf(task.processInstanceKey);
    return {
      task,
      items: files
        .filter((file) => visibleThroughTask(file, task, scope, taker))
        .map((file) => itemOf(file, downloadPath(key, file.id))),
    };
  }

  async download(taker: TaskTaker, key: string, id: string): Promise<Download> {
    const { task, scope } = await this.inbox.visible(taker, key);
    const attachment = await this.store.find(id);
    if (!attachment || !visibleThroughTask(attachment, task, scope, taker)) throw attachmentNotFound();
    const content = await this.store.content(id);
    if (!content) throw attachmentNotFound();
    return { attachment, content, task };
  }
}

export const downloadPath = (taskKey: string, id: string): string =>
  `/api/inbox/tasks/${taskKey}/attachments/${id}`;
