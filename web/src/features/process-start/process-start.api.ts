import { requestJson } from '../../lib/http.js';
import type {
  FormData,
  StartableList,
  StartableProcess,
  StartableSummary,
  StartRequest,
  StartResponse,
} from '../../lib/contracts.js';

export type { StartableProcess, StartableSummary } from '../../lib/contracts.js';

/** The server's process-start API (src/app/process-start/process-start.routes.ts). */
export const processStartApi = {
  startable: () => requestJson<StartableList<StartableProcess>>('/api/processes/startable'),
  startableSummary: () => requestJson<StartableList<StartableSummary>>('/api/processes/startable/summary'),
  start: (processId: string, data: FormData) =>
    requestJson<StartResponse>(`/api/processes/${encodeURIComponent(processId)}/start`, {
      method: 'POST',
      body: { data } satisfies StartRequest,
    }),
};
