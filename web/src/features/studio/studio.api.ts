import type {
  DeployResult,
  DraftKind,
  LintReport,
  StudioCatalogue,
  StudioDraft,
  StudioProcessList,
} from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';

const BASE = '/api/admin/studio';
const enc = encodeURIComponent;

/** The server's studio API (src/app/studio/studio.routes.ts). */
export const studioApi = {
  processes: () => requestJson<StudioProcessList>(`${BASE}/processes`),
  catalogue: () => requestJson<StudioCatalogue>(`${BASE}/catalogue`),
  versionXml: (id: string, version: number) =>
    requestJson<{ xml: string }>(`${BASE}/processes/${enc(id)}/versions/${version}/xml`),
  lint: (xml: string) => requestJson<LintReport>(`${BASE}/lint`, { method: 'POST', body: { xml } }),
  draft: (kind: DraftKind, id: string) =>
    requestJson<StudioDraft | null>(`${BASE}/drafts/${kind}/${enc(id)}`),
  saveDraft: (kind: DraftKind, id: string, content: string) =>
    requestJson<StudioDraft>(`${BASE}/drafts/${kind}/${enc(id)}`, { method: 'PUT', body: { content } }),
  discardDraft: (kind: DraftKind, id: string) =>
    requestJson<void>(`${BASE}/drafts/${kind}/${enc(id)}`, { method: 'DELETE' }),
  deploy: (id: string, xml: string, note: string) =>
    requestJson<DeployResult>(`${BASE}/processes/${enc(id)}/deploy`, { method: 'POST', body: { xml, note } }),
  rollback: (id: string, version: number, note: string) =>
    requestJson<DeployResult>(`${BASE}/processes/${enc(id)}/rollback`, {
      method: 'POST',
      body: { version, note },
    }),
};
