import type { Clock } from '../../lib/clock.js';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import type {
  DecisionDeployResult,
  LintReport,
  StudioDecisionResource,
} from '../../shared/contracts/index.js';
import type { DecisionEngine } from './decision-engine.js';
import { checkDecisions, parseDecisions } from './dmn-check.js';
import type { StudioStore } from './studio.store.js';

/** Decision tables in the studio: versions (who, when, why), check, deploy and roll back, like the processes. */
export class DecisionStudioService {
  constructor(
    private readonly store: StudioStore,
    private readonly engine: DecisionEngine,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StudioDecisionResource[]> {
    const [graphs, decisions] = await Promise.all([this.engine.graphs(), this.engine.decisions()]);
    const byId = new Map<string, StudioDecisionResource>();
    for (const graph of [...graphs].sort((a, b) => b.version - a.version)) {
      const entry = byId.get(graph.decisionRequirementsId) ?? {
        decisionRequirementsId: graph.decisionRequirementsId,
        // Newest first: the newest version's name is the resource's name today.
        name: graph.name,
        versions: [],
      };
      byId.set(graph.decisionRequirementsId, entry);
      const record = await this.store.deployment('decision', graph.decisionRequirementsId, graph.version);
      entry.versions.push({
        version: graph.version,
        decisionRequirementsKey: graph.decisionRequirementsKey,
        decisions: decisions
          .filter((decision) => decision.decisionRequirementsKey === graph.decisionRequirementsKey)
          .map(({ decisionDefinitionId, name }) => ({ decisionDefinitionId, name })),
        deployedBy: record?.deployedBy ?? null,
        deployedAt: record?.deployedAt.toISOString() ?? null,
        note: record?.note ?? null,
      });
    }
    return [...byId.values()].sort((a, b) =>
      a.decisionRequirementsId.localeCompare(b.decisionRequirementsId),
    );
  }

  async versionXml(resourceId: string, version: number): Promise<string> {
    const graph = (await this.engine.graphs()).find(
      (g) => g.decisionRequirementsId === resourceId && g.version === version,
    );
    if (!graph) throw notFound('Không tìm thấy phiên bản bảng quyết định này.');
    return this.engine.xml(graph.decisionRequirementsKey);
  }

  /** Reads the file (400 when it is not DMN, or is another resource's), then our checks of its cells. */
  async check(resourceId: string, xml: string): Promise<LintReport> {
    const { root, definitionsId } = await parseDecisions(xml);
    if (definitionsId !== resourceId)
      throw badRequest(
        'decision_id_mismatch',
        `Tệp là của bảng quyết định "${definitionsId}", không phải "${resourceId}".`,
      );
    return checkDecisions(root);
  }

  /**
   * Checks (an error blocks, 422 with the problems), then deploys the .dmn resource through DeployResource: the
   * engine's parser refuses what it cannot run, and its reason comes back as a 400. Records who and why.
   */
  async deploy(
    username: string,
    resourceId: string,
    xml: string,
    note: string,
    rollbackOf: number | null = null,
  ): Promise<DecisionDeployResult> {
    const report = await this.check(resourceId, xml);
    if (!report.deployable)
      throw new AppError(
        422,
        'lint_errors',
        'Bảng quyết định còn lỗi kiểm tra, chưa thể đưa vào sử dụng.',
        report.problems.map((problem) => ({ field: problem.elementId, message: problem.message })),
      );
    const deployed = await this.engine.deploy(`${resourceId}.dmn`, xml);
    if (!(await this.store.deployment('decision', resourceId, deployed.version)))
      await this.store.recordDeployment({
        kind: 'decision',
        resourceId,
        version: deployed.version,
        key: deployed.decisionRequirementsKey,
        content: xml,
        deployedBy: username,
        deployedAt: this.clock.now(),
        note,
        rollbackOf,
      });
    await this.store.discardDraft(username, 'decision', resourceId);
    return deployed;
  }

  /** Roll back = deploy an earlier version's content again, as a new version. */
  async rollback(
    username: string,
    resourceId: string,
    version: number,
    note: string,
  ): Promise<DecisionDeployResult> {
    const xml = await this.versionXml(resourceId, version);
    return this.deploy(username, resourceId, xml, note || `Quay lại phiên bản ${version}`, version);
  }
}
