import type {
  DecisionDeployResult,
  DeployResult,
  DraftKind,
  LintReport,
  MigrationMappingInstruction,
  MigrationPreview,
  MigrationResult,
  StudioCatalogue,
  StudioDecisionList,
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

interface MigrationChoice {
  sourceVersion: number;
  targetVersion: number;
  mappingInstructions?: MigrationMappingInstruction[];
}

/** Decision tables (src/app/studio/decision-studio.routes.ts). */
export const decisionApi = {
  list: () => requestJson<StudioDecisionList>(`${BASE}/decisions`),
  versionXml: (id: string, version: number) =>
    requestJson<{ xml: string }>(`${BASE}/decisions/${enc(id)}/versions/${version}/xml`),
  check: (id: string, xml: string) =>
    requestJson<LintReport>(`${BASE}/decisions/${enc(id)}/check`, { method: 'POST', body: { xml } }),
  deploy: (id: string, xml: string, note: string) =>
    requestJson<DecisionDeployResult>(`${BASE}/decisions/${enc(id)}/deploy`, {
      method: 'POST',
      body: { xml, note },
    }),
  rollback: (id: string, version: number, note: string) =>
    requestJson<DecisionDeployResult>(`${BASE}/decisions/${enc(id)}/rollback`, {
      method: 'POST',
      body: { version, note },
    }),
};

/** Instance migration (src/app/studio/migration.routes.ts). */
export const migrationApi = {
  preview: (id: string, choice: MigrationChoice) =>
    requestJson<MigrationPreview>(`${BASE}/processes/${enc(id)}/migration/preview`, {
      method: 'POST',
      body: choice,
    }),
  migrate: (id: string, choice: MigrationChoice) =>
    requestJson<MigrationResult>(`${BASE}/processes/${enc(id)}/migration`, { method: 'POST', body: choice }),
};
