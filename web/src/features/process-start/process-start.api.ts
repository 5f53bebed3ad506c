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
  start: (processId: string, data: FormData, requestId: string) =>
    requestJson<StartResponse>(`/api/processes/${encodeURIComponent(processId)}/start`, {
      method: 'POST',
      body: { data, requestId } satisfies StartRequest,
    }),
};

/** A new id for one start; getRandomValues works on plain http too (randomUUID needs a secure context). */
export function newStartRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
