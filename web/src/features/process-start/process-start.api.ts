import { requestJson } from '../../lib/http.js';
import type { FormData, FormSchema } from '../inbox/inbox.types.js';

export interface StartableProcess {
  processId: string;
  name: string;
  startFormId: string;
  form: FormSchema;
}

/** The server's process-start API (src/app/process-start/process-start.routes.ts). */
export const processStartApi = {
  startable: () => requestJson<{ items: StartableProcess[] }>('/api/processes/startable'),
  start: (processId: string, data: FormData) =>
    requestJson<{ processInstanceKey: string }>(`/api/processes/${encodeURIComponent(processId)}/start`, {
      method: 'POST',
      body: { data },
    }),
};
