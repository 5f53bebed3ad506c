import type { AttachmentRef } from '../../shared/contracts/index.js';
import type { Clock } from '../../lib/clock.js';
import { fileFieldKeys, type FormJsSchema } from '../forms/index.js';
import type { ProcessStartService, StartAttachments, Starter } from '../process-start/index.js';
import type { AttachmentStore } from './attachment.store.js';
import { checkReferences } from './submission-check.js';
import type { UploadIntent, Uploads, UploadTarget } from './uploads.js';

/** The form key of files uploaded with a process's start form, before the instance exists. */
export const startFormKey = (processId: string): string => `start:${processId}`;

/**
 * Files chosen in a start form (the personnel proposal's dossier): uploaded by whoever may start the process, kept
 * unlisted until the instance is started with them, then the instance's, in the starting unit's chain.
 */
export class StartUploads {
  constructor(
    private readonly uploads: Uploads,
    private readonly starts: Pick<ProcessStartService, 'startPlace'>,
  ) {}

  async target(user: Starter, processId: string, intent: UploadIntent): Promise<UploadTarget> {
    const place = await this.starts.startPlace(user, processId);
    return this.uploads.target(
      {
        processInstanceKey: '',
        processId: place.processId,
        taskKey: startFormKey(place.processId),
        stepName: place.name,
        chain: place.unit.group,
        field: intent.field,
      },
      user,
      fileFieldKeys(place.form),
      intent,
    );
  }

  save(target: UploadTarget, content: Buffer): Promise<AttachmentRef> {
    return this.uploads.save(target, content);
  }
}

/** The process-start module's check of a start form's file references (StartAttachments). */
export class StartSubmissionCheck implements StartAttachments {
  constructor(
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
  ) {}

  check(
    starter: { username: string },
    processId: string,
    form: FormJsSchema,
    values: Record<string, unknown>,
  ): ReturnType<StartAttachments['check']> {
    return checkReferences(
      this.store,
      form,
      values,
      (file, key) =>
        file.taskKey === startFormKey(processId) &&
        file.processInstanceKey === '' &&
        file.uploadedBy === starter.username &&
        file.field === key,
    );
  }

  async started(fileIds: readonly string[], processInstanceKey: string, chain: string): Promise<void> {
    await this.store.markStarted(fileIds, processInstanceKey, chain, this.clock.now());
  }
}
