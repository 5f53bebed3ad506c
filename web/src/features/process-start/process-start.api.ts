import { requestJson } from '../../lib/http.js';
import type { FormData, FormSchema } from '../inbox/inbox.types.js';

/** A process the user may start, names only (src/app/process-start/process-start.service.ts). */
export interface StartableSummary {
  processId: string;
  name: string;
}

export interface StartableProcess extends StartableSummary {
  startFormId: string;
  form: FormSchema;
}

/** The server's process-start API (src/app/process-start/process-start.routes.ts). */
export const processStartApi = {
  startable: () => requestJson<{ items: StartableProcess[] }>('/api/processes/startable'),
  startableSummary: () => requestJson<{ items: StartableSummary[] }>('/api/processes/startable/summary'),
  start: (processId: string, data: FormData) =>
    requestJson<{ processInstanceKey: string }>(`/api/processes/${encodeURIComponent(processId)}/start`, {
      method: 'POST',
      body: { data },
    }),
};
