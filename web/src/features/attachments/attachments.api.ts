import type { AttachmentList, AttachmentRef } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';

const ofTask = (taskId: string) => `/api/inbox/tasks/${encodeURIComponent(taskId)}/attachments`;

const send = (path: string, field: string, file: File) =>
  requestJson<AttachmentRef>(`${path}?field=${encodeURIComponent(field)}`, {
    method: 'POST',
    file: {
      content: file,
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
    },
  });

/** The server's attachment routes (src/app/attachments). */
export const attachmentsApi = {
  /** Uploads one file for a file field of a held task; the answer is what the field's value then holds. */
  upload: (taskId: string, field: string, file: File) => send(ofTask(taskId), field, file),
  /** Uploads one file for a file field of a process's start form. */
  uploadForStart: (processId: string, field: string, file: File) =>
    send(`/api/processes/${encodeURIComponent(processId)}/attachments`, field, file),
  ofTask: (taskId: string) => requestJson<AttachmentList>(ofTask(taskId)),
  ofInstance: (instanceKey: string) =>
    requestJson<AttachmentList>(`/api/monitor/instances/${encodeURIComponent(instanceKey)}/attachments`),
};
