import type { AttachmentRef } from '../../shared/contracts/index.js';
import type { Clock } from '../../lib/clock.js';
import {
  badFileName,
  fileContentMismatch,
  fileEmpty,
  fileTypeRefused,
  notAFileField,
  tooManyPending,
} from './attachment.errors.js';
import type { AttachmentPlace, AttachmentStore } from './attachment.store.js';
import { refOf } from './attachment-views.js';
import { declaredTypeFits, kindOfName, type FileKind } from './file-kinds.js';

/** Files one user uploaded for one form and has not submitted yet, at most (its file fields together). */
const MAX_PENDING_PER_FORM = 50;

/** What the request says of the file before its content is read. */
export interface UploadIntent {
  field: string;
  fileName: string;
  declaredType: string | undefined;
}

/** An upload the user may make, checked before its content is read. */
export interface UploadTarget {
  place: AttachmentPlace;
  uploadedBy: string;
  uploadedByName: string;
  fileName: string;
  kind: FileKind;
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
 * The checks and the write every upload shares, wherever its form is (a task's, a start form): the field must be one
 * of the form's file fields and the name's type allowed before the content is read; the content must then be of
 * that type. The content type kept is the kind's own, never the declared one.
 */
export class Uploads {
  constructor(
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
  ) {}

  async target(
    place: AttachmentPlace,
    uploader: { username: string; fullName?: string },
    fileFields: readonly string[],
    intent: UploadIntent,
  ): Promise<UploadTarget> {
    if (!fileFields.includes(intent.field)) throw notAFileField(intent.field);
    const kind = kindOfName(intent.fileName);
    if (!kind || !declaredTypeFits(kind, intent.declaredType)) throw fileTypeRefused();
    if ((await this.store.pendingOf(place.taskKey, uploader.username)).length >= MAX_PENDING_PER_FORM)
      throw tooManyPending();
    return {
      place,
      uploadedBy: uploader.username,
      uploadedByName: uploader.fullName ?? uploader.username,
      fileName: intent.fileName,
      kind,
    };
  }

  /** Stores the file once its content proved to be what its name says. */
  async save(target: UploadTarget, content: Buffer): Promise<AttachmentRef> {
    if (content.length === 0) throw fileEmpty();
    if (!target.kind.matches(content)) throw fileContentMismatch();
    const stored = await this.store.save(target.fileName, content, {
      ...target.place,
      contentType: target.kind.contentType,
      uploadedBy: target.uploadedBy,
      uploadedByName: target.uploadedByName,
      uploadedAt: this.clock.now(),
      submittedAt: null,
    });
    return refOf(stored);
  }
}
