import type { PeriodDashboard, PeriodList, UnitReport } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';

const periodPath = (id: string) => `/api/monitor/periods/${encodeURIComponent(id)}`;

/** The server's period dashboard API (src/app/periods/period.routes.ts). */
export const periodsApi = {
  list: () => requestJson<PeriodList>('/api/monitor/periods'),
  dashboard: (id: string) => requestJson<PeriodDashboard>(periodPath(id)),
  report: (id: string, unitCode: string) =>
    requestJson<UnitReport>(`${periodPath(id)}/units/${encodeURIComponent(unitCode)}/report`),
  exportHref: (id: string) => `${periodPath(id)}/export.xlsx`,
};
