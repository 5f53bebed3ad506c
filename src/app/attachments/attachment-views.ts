import type { AttachmentItem, AttachmentRef } from '../../shared/contracts/index.js';
import type { StoredAttachment } from './attachment.store.js';

export const refOf = (attachment: StoredAttachment): AttachmentRef => ({
  id: attachment.id,
  name: attachment.fileName,
  contentType: attachment.contentType,
  size: attachment.size,
});

export function itemOf(attachment: StoredAttachment, href: string): AttachmentItem {
  return {
    ...refOf(attachment),
    step: attachment.stepName,
    field: attachment.field,
    uploadedBy: attachment.uploadedByName,
    uploadedAt: attachment.uploadedAt.toISOString(),
    submittedAt: (attachment.submittedAt ?? attachment.uploadedAt).toISOString(),
    href,
  };
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (Vietnamese file names). */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
