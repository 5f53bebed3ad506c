import type { AttachmentItem, AttachmentRef } from '../../shared/contracts/index.js';
import type { Clock } from '../../lib/clock.js';
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
import {
  attachmentNotFound,
  attachmentNotHeld,
  badFileName,
  fileContentMismatch,
  fileEmpty,
  fileTypeRefused,
  notAFileField,
  tooManyPending,
} from './attachment.errors.js';
import type { AttachmentStore, StoredAttachment } from './attachment.store.js';
import { itemOf, refOf } from './attachment-views.js';
import { declaredTypeFits, kindOfName, type FileKind } from './file-kinds.js';

/** Files uploaded on one task and not submitted yet, at most (a form's file fields together). */
const MAX_PENDING_PER_TASK = 50;

export interface UploadIntent {
  field: string;
  fileName: string;
  declaredType: string | undefined;
}

/** An upload the user may make, checked before its content is read. */
export interface UploadTarget {
  taker: TaskTaker;
  task: EngineTask;
  chain: string;
  field: string;
  fileName: string;
  kind: FileKind;
}

/** A file as downloaded: its description and its bytes. */
export interface Download {
  attachment: StoredAttachment;
  content: Buffer;
  /** The task it was reached through, for the personnel audit. */
  task: EngineTask;
}

/** A file name as stored: no path, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    throw badFileName();
  }
  // Control characters (C0, DEL, C1) have no place in a file name shown to people.
  // eslint-disable-next-line no-control-regex
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (name === '' || name.length > 255) throw badFileName();
  return name.normalize('NFC');
}

/**
 * Attachments through the inbox: upload for a held task's file field, list and download for whoever may see a task
 * of the instance (the same rule as the task's comments and history; a task one may not see is 404).
 */
export class TaskAttachments {
  constructor(
    private readonly store: AttachmentStore,
    private readonly inbox: Pick<InboxService, 'visible'>,
    private readonly engine: Pick<TaskEngine, 'form'>,
    private readonly clock: Clock,
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
    if (!fields.includes(intent.field)) throw notAFileField(intent.field);
    const kind = kindOfName(intent.fileName);
    if (!kind || !declaredTypeFits(kind, intent.declaredType)) throw fileTypeRefused();
    if ((await this.store.pendingOf(task.key)).length >= MAX_PENDING_PER_TASK) throw tooManyPending();
    return { taker, task, chain: scope.chain, field: intent.field, fileName: intent.fileName, kind };
  }

  /** Stores the file once its content proved to be what its name says. */
  async save(target: UploadTarget, content: Buffer): Promise<AttachmentRef> {
    if (content.length === 0) throw fileEmpty();
    if (!target.kind.matches(content)) throw fileContentMismatch();
    const { task, taker } = target;
    const stored = await this.store.save(target.fileName, content, {
      processInstanceKey: task.processInstanceKey,
      processId: task.processDefinitionId,
      taskKey: task.key,
      stepName: task.name,
      chain: target.chain,
      field: target.field,
      contentType: target.kind.contentType,
      uploadedBy: taker.username,
      uploadedByName: taker.fullName ?? taker.username,
      uploadedAt: this.clock.now(),
      submittedAt: null,
    });
    return refOf(stored);
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
