import type { InstanceDetail, InstanceList, ProcessView } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';

const instance = (key: string) => `/api/monitor/instances/${encodeURIComponent(key)}`;

/** The server's cockpit API (src/app/monitoring/monitor.routes.ts). */
export const monitorApi = {
  list: (search: string) => requestJson<InstanceList>(`/api/monitor/instances${search}`),
  instance: (key: string) => requestJson<InstanceDetail>(instance(key)),
  process: (id: string) => requestJson<ProcessView>(`/api/monitor/processes/${encodeURIComponent(id)}`),
  retry: (key: string, incidentKey: string) =>
    requestJson<void>(`${instance(key)}/incidents/${encodeURIComponent(incidentKey)}/retry`, {
      method: 'POST',
    }),
  cancel: (key: string, reason: string) =>
    requestJson<void>(`${instance(key)}/cancel`, { method: 'POST', body: { reason } }),
  setVariables: (key: string, variables: Record<string, unknown>) =>
    requestJson<void>(`${instance(key)}/variables`, { method: 'PUT', body: { variables } }),
};
