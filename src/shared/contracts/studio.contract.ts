/**
 * The administrators' studio API (/api/admin/studio/…): processes, versions, drafts, lint, deploy; decision tables;
 * migration of running instances between versions.
 */

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
}

export type DraftKind = 'process' | 'form' | 'decision';

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

/** One deployed version of a decision requirements graph (a .dmn resource) and the decisions in it. */
export interface StudioDecisionVersion {
  version: number;
  decisionRequirementsKey: string;
  decisions: { decisionDefinitionId: string; name: string }[];
  /** Who deployed it through the studio; null for a version deployed another way (over the engine's API). */
  deployedBy: string | null;
  deployedAt: string | null;
  note: string | null;
}

export interface StudioDecisionResource {
  /** The DMN definitions' id (the decision requirements id); the resource is deployed as <id>.dmn. */
  decisionRequirementsId: string;
  name: string;
  /** Newest first. */
  versions: StudioDecisionVersion[];
}

export interface StudioDecisionList {
  decisions: StudioDecisionResource[];
}

export interface DeployDecisionRequest {
  xml: string;
  note: string;
}

export interface DecisionDeployResult {
  decisionRequirementsId: string;
  version: number;
  decisionRequirementsKey: string;
  decisions: { decisionDefinitionId: string; version: number }[];
}

/** Which element of the target version an element of the source version becomes. */
export interface MigrationMappingInstruction {
  sourceElementId: string;
  targetElementId: string;
}

export interface MigrationRequest {
  sourceVersion: number;
  targetVersion: number;
  /** Omitted: every element id found in both versions maps to itself. */
  mappingInstructions?: MigrationMappingInstruction[];
}

export interface MigrationElement {
  id: string;
  name: string;
  /** The BPMN type without its prefix (userTask, serviceTask, boundaryEvent…). */
  type: string;
}

/** A dry run: what would move where, computed from the engine's reads; nothing changes. */
export interface MigrationPreview {
  processDefinitionId: string;
  sourceVersion: number;
  targetVersion: number;
  /** Running instances of the source version. */
  instances: number;
  sourceElements: MigrationElement[];
  targetElements: MigrationElement[];
  /** The mapping that would be used (the one given, or the default: same element ids). */
  mappingInstructions: MigrationMappingInstruction[];
  /** The elements active in the running instances now, how many instances wait there, and where each goes. */
  active: { elementId: string; instances: number; targetElementId: string | null }[];
}

export interface MigrationFailure {
  processInstanceKey: string;
  /** The engine's reason, as it gave it. */
  reason: string;
}

export interface MigrationResult {
  processDefinitionId: string;
  sourceVersion: number;
  targetVersion: number;
  /** True when the mapping used was the default one (every element id found in both versions to itself). */
  sameIdMapping: boolean;
  migrated: string[];
  failed: MigrationFailure[];
}
