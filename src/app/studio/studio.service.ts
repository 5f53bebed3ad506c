import type { Clock } from '../../lib/clock.js';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import type {
  DeployResult,
  DraftKind,
  LintReport,
  StudioCatalogue,
  StudioDraft,
  StudioProcess,
} from '../../shared/contracts/index.js';
import { parseDecisions } from './dmn-check.js';
import type { FormCatalogue } from './form-catalogue.js';
import { lintDiagram, parseDiagram } from './process-lint.js';
import type { StudioEngine } from './studio-engine.js';
import type { StudioStore } from './studio.store.js';

export interface StudioSources {
  /** The job types that have a worker (src/workers' registry, given by the composition root). */
  jobTypes(): { type: string; name: string }[];
  /** The candidate groups of the organisation's active units. */
  candidateGroups(): Promise<string[]>;
}

const linkedFormIds = (xml: string): string[] => [
  ...new Set([...xml.matchAll(/formId="([^"]+)"/g)].map((match) => match[1] ?? '')),
];

/** Processes, versions, drafts, lint and deploy for the administrators' studio. */
export class StudioService {
  constructor(
    private readonly store: StudioStore,
    private readonly engine: StudioEngine,
    private readonly forms: FormCatalogue,
    private readonly sources: StudioSources,
    private readonly clock: Clock,
  ) {}

  async processes(): Promise<StudioProcess[]> {
    const definitions = await this.engine.definitions();
    const byId = new Map<string, StudioProcess>();
    for (const definition of definitions) {
      const entry = byId.get(definition.processDefinitionId) ?? {
        processDefinitionId: definition.processDefinitionId,
        name: definition.name,
        versions: [],
      };
      byId.set(definition.processDefinitionId, entry);
      const [record, running] = await Promise.all([
        this.store.deployment('process', definition.processDefinitionId, definition.version),
        this.engine.runningCount(definition.processDefinitionKey),
      ]);
      entry.versions.push({
        version: definition.version,
        processDefinitionKey: definition.processDefinitionKey,
        deployedBy: record?.deployedBy ?? null,
        deployedAt: record?.deployedAt.toISOString() ?? null,
        note: record?.note ?? null,
        running,
      });
    }
    for (const entry of byId.values()) {
      entry.versions.sort((a, b) => b.version - a.version);
      // The newest version's name is the process's name today.
      const newest = definitions.find(
        (d) =>
          d.processDefinitionId === entry.processDefinitionId && d.version === entry.versions[0]?.version,
      );
      if (newest) entry.name = newest.name;
    }
    return [...byId.values()].sort((a, b) => a.processDefinitionId.localeCompare(b.processDefinitionId));
  }

  async versionXml(processId: string, version: number): Promise<string> {
    const definition = (await this.engine.definitions()).find(
      (d) => d.processDefinitionId === processId && d.version === version,
    );
    if (!definition) throw notFound('Không tìm thấy phiên bản quy trình này.');
    return this.engine.xml(definition.processDefinitionKey);
  }

  async catalogue(): Promise<StudioCatalogue> {
    return {
      jobTypes: this.sources.jobTypes(),
      formIds: [...(await this.forms.all()).keys()].sort(),
      candidateGroups: await this.sources.candidateGroups(),
    };
  }

  async lint(xml: string): Promise<LintReport> {
    const { root } = await parseDiagram(xml);
    const catalogue = await this.catalogue();
    return lintDiagram(root, {
      jobTypes: new Set(catalogue.jobTypes.map((job) => job.type)),
      formIds: new Set(catalogue.formIds),
      candidateGroups: new Set(catalogue.candidateGroups),
    });
  }

  /** The draft, or null when there is none (the usual case: not an error). */
  async draft(username: string, kind: DraftKind, resourceId: string): Promise<StudioDraft | null> {
    const draft = await this.store.draft(username, kind, resourceId);
    if (!draft) return null;
    return { kind, resourceId, content: draft.content, savedAt: draft.savedAt.toISOString() };
  }

  async saveDraft(
    username: string,
    kind: DraftKind,
    resourceId: string,
    content: string,
  ): Promise<StudioDraft> {
    if (kind === 'process') {
      const { processId } = await parseDiagram(content);
      if (processId !== resourceId)
        throw badRequest(
          'process_id_mismatch',
          `Bản nháp là của quy trình "${processId}", không phải "${resourceId}".`,
        );
    }
    if (kind === 'decision') {
      const { definitionsId } = await parseDecisions(content);
      if (definitionsId !== resourceId)
        throw badRequest(
          'decision_id_mismatch',
          `Bản nháp là của bảng quyết định "${definitionsId}", không phải "${resourceId}".`,
        );
    }
    const savedAt = this.clock.now();
    await this.store.saveDraft({ username, kind, resourceId, content, savedAt });
    return { kind, resourceId, content, savedAt: savedAt.toISOString() };
  }

  async discardDraft(username: string, kind: DraftKind, resourceId: string): Promise<void> {
    await this.store.discardDraft(username, kind, resourceId);
  }

  /**
   * Lints (an error blocks, 422 with the problems), then deploys the process with every form it links in one
   * DeployResource, and records who and why. Running instances stay on their version: the engine never moves them.
   */
  async deploy(
    username: string,
    processId: string,
    xml: string,
    note: string,
    rollbackOf: number | null = null,
  ): Promise<DeployResult> {
    const { processId: found } = await parseDiagram(xml);
    if (found !== processId)
      throw badRequest('process_id_mismatch', `Tệp là của quy trình "${found}", không phải "${processId}".`);
    const report = await this.lint(xml);
    if (!report.deployable)
      throw new AppError(
        422,
        'lint_errors',
        'Sơ đồ còn lỗi kiểm tra, chưa thể đưa vào sử dụng.',
        report.problems
          .filter((problem) => problem.severity === 'error')
          .map((problem) => ({ field: problem.elementId, message: problem.message })),
      );
    const forms = await this.forms.all();
    const linked = linkedFormIds(xml).flatMap((formId) => {
      const form = forms.get(formId);
      return form ? [{ name: form.name, content: form.content }] : [];
    });
    const deployed = await this.engine.deploy({ name: `${processId}.bpmn`, xml }, linked);
    const process = deployed.processes.find((p) => p.processDefinitionId === processId);
    if (!process) throw new Error(`the engine deployed no process ${processId}`);
    if (!(await this.store.deployment('process', processId, process.version)))
      await this.store.recordDeployment({
        kind: 'process',
        resourceId: processId,
        version: process.version,
        key: process.processDefinitionKey,
        content: xml,
        deployedBy: username,
        deployedAt: this.clock.now(),
        note,
        rollbackOf,
      });
    await this.store.discardDraft(username, 'process', processId);
    return {
      processDefinitionId: processId,
      version: process.version,
      processDefinitionKey: process.processDefinitionKey,
      forms: deployed.forms.map((form) => ({ formId: form.formId, version: form.version })),
    };
  }

  /** Roll back = deploy an earlier version's content again, as a new version (the engine's own rule). */
  async rollback(username: string, processId: string, version: number, note: string): Promise<DeployResult> {
    const xml = await this.versionXml(processId, version);
    return this.deploy(username, processId, xml, note || `Quay lại phiên bản ${version}`, version);
  }
}
