/** The administrators' studio API (/api/admin/studio/…): processes, versions, drafts, lint, deploy. */

/** One deployed version of a process, as the engine knows it, with the app's own record of who and why. */
export interface StudioProcessVersion {
  version: number;
  processDefinitionKey: string;
  /** Who deployed it through the studio; null for versions deployed at start from processes/. */
  deployedBy: string | null;
  deployedAt: string | null;
  note: string | null;
  /** Running instances (REST v2 process-instance search, state ACTIVE, its totalItems). */
  running: number;
}

export interface StudioProcess {
  processDefinitionId: string;
  name: string;
  versions: StudioProcessVersion[];
}

export interface StudioProcessList {
  processes: StudioProcess[];
}

export type LintSeverity = 'error' | 'warning';

export interface LintProblem {
  /** The element's id; empty for problems of the whole file. */
  elementId: string;
  /** A stable rule name (bpmnlint's or ours: form-exists, job-has-worker, group-exists, feel-parses). */
  rule: string;
  severity: LintSeverity;
  /** In Vietnamese. */
  message: string;
}

export interface LintReport {
  problems: LintProblem[];
  /** True when there is no error: deploying is allowed. */
  deployable: boolean;
}

/** What the studio may pick from: our job types and form ids (for element templates and lint in the browser). */
export interface StudioCatalogue {
  jobTypes: { type: string; name: string }[];
  formIds: string[];
  candidateGroups: string[];
  /** False on this engine: MigrateProcessInstance is not supported, so the studio offers no migration. */
  migrationSupported: boolean;
}

export type DraftKind = 'process' | 'form';

export interface StudioDraft {
  kind: DraftKind;
  resourceId: string;
  content: string;
  savedAt: string;
}

export interface SaveDraftRequest {
  content: string;
}

export interface DeployProcessRequest {
  xml: string;
  note: string;
}

export interface RollbackRequest {
  version: number;
  note: string;
}

export interface DeployResult {
  processDefinitionId: string;
  version: number;
  processDefinitionKey: string;
  /** The forms deployed with it (their ids and versions). */
  forms: { formId: string; version: number }[];
}

/** A step that links a form, in the newest version of its process. */
export interface FormUse {
  processDefinitionId: string;
  elementId: string;
  name: string;
}

export interface FormStudioList {
  forms: {
    formId: string;
    usedBy: FormUse[];
    /** Versions deployed through the studio (the seed's version 1 is not listed). */
    versions: { version: number; deployedBy: string; deployedAt: string; note: string }[];
  }[];
}

export interface StudioFormDetail {
  formId: string;
  /** The form-js schema in force (the newest deployed through the studio, else the seed file). */
  content: string;
  usedBy: FormUse[];
}

export interface DeployFormRequest {
  content: string;
  note: string;
}
