import type { JSX } from 'preact';
import { DecisionEditorPage } from './decision-editor.page.js';
import { DecisionsPage } from './decisions.page.js';
import { FormEditorPage } from './form-editor.page.js';
import { FormsPage } from './forms.page.js';
import { MigrationPage } from './migration.page.js';
import { ProcessEditorPage } from './process-editor.page.js';
import { ProcessesPage } from './processes.page.js';
import { SettingsPage } from './settings.page.js';

/** The studio's pages under /admin (the server answers 403 to anyone but administrators on their API). */
export const studioRoutes: { pattern: string; render(params: Record<string, string>): JSX.Element }[] = [
  { pattern: '/admin/processes', render: () => <ProcessesPage /> },
  {
    pattern: '/admin/processes/:processId',
    render: (params) => <ProcessEditorPage processId={params.processId ?? ''} key={params.processId} />,
  },
  {
    pattern: '/admin/processes/:processId/migration',
    render: (params) => <MigrationPage processId={params.processId ?? ''} key={params.processId} />,
  },
  { pattern: '/admin/decisions', render: () => <DecisionsPage /> },
  {
    pattern: '/admin/decisions/:decisionId',
    render: (params) => <DecisionEditorPage resourceId={params.decisionId ?? ''} key={params.decisionId} />,
  },
  { pattern: '/admin/settings', render: () => <SettingsPage /> },
  { pattern: '/admin/forms', render: () => <FormsPage /> },
  {
    pattern: '/admin/forms/:formId',
    render: (params) => <FormEditorPage formId={params.formId ?? ''} key={params.formId} />,
  },
];
