import type { ModdleElement } from 'bpmn-moddle';
import { badRequest, notFound } from '../../lib/errors.js';
import type {
  MigrationElement,
  MigrationFailure,
  MigrationMappingInstruction,
  MigrationPreview,
  MigrationRequest,
  MigrationResult,
} from '../../shared/contracts/index.js';
import type { MigrationEngine } from './migration-engine.js';
import { parseDiagram } from './process-lint.js';
import type { EngineDefinition, StudioEngine } from './studio-engine.js';

/** Flow elements that never hold a token: they are not migration sources or targets. */
const NOT_NODES = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** Every flow node of the executable process, sub-processes included, in document order. */
function flowNodes(container: ModdleElement): MigrationElement[] {
  const elements = Array.isArray(container.flowElements) ? (container.flowElements as ModdleElement[]) : [];
  return elements.flatMap((element) =>
    NOT_NODES.has(element.$type) || !element.id
      ? []
      : [
          {
            id: element.id,
            name: typeof element.name === 'string' ? element.name : '',
            type: element.$type.replace(/^bpmn:/, '').replace(/^./, (c) => c.toLowerCase()),
          },
          ...flowNodes(element),
        ],
  );
}

interface Plan {
  source: EngineDefinition;
  target: EngineDefinition;
  sourceElements: MigrationElement[];
  targetElements: MigrationElement[];
  mappingInstructions: MigrationMappingInstruction[];
  sameIdMapping: boolean;
}

/**
 * Moving the running instances of one version of a process to another, through the engine's migration command: a
 * dry run (what moves where), then the migration of each instance, whose refusals are reported with the engine's
 * reason while the others move.
 */
export class MigrationService {
  constructor(
    private readonly studio: StudioEngine,
    private readonly engine: MigrationEngine,
  ) {}

  private async elementsOf(definition: EngineDefinition): Promise<MigrationElement[]> {
    const { root, processId } = await parseDiagram(await this.studio.xml(definition.processDefinitionKey));
    const process = (root.rootElements as ModdleElement[]).find(
      (element) => element.$type === 'bpmn:Process' && element.id === processId,
    );
    return process ? flowNodes(process) : [];
  }

  /** Reads both versions and checks the mapping; a bad request is a 4xx before anything is asked of the engine. */
  private async plan(processId: string, request: MigrationRequest): Promise<Plan> {
    if (request.sourceVersion === request.targetVersion)
      throw badRequest('same_version', 'Phiên bản nguồn và phiên bản đích phải khác nhau.');
    const versions = (await this.studio.definitions()).filter((d) => d.processDefinitionId === processId);
    const versionOf = (version: number): EngineDefinition => {
      const found = versions.find((d) => d.version === version);
      if (!found) throw notFound(`Quy trình "${processId}" không có phiên bản ${version}.`);
      return found;
    };
    const source = versionOf(request.sourceVersion);
    const target = versionOf(request.targetVersion);
    const [sourceElements, targetElements] = await Promise.all([
      this.elementsOf(source),
      this.elementsOf(target),
    ]);
    const targetIds = new Set(targetElements.map((element) => element.id));
    const sourceIds = new Set(sourceElements.map((element) => element.id));
    const sameIds = sourceElements
      .filter((element) => targetIds.has(element.id))
      .map((element) => ({ sourceElementId: element.id, targetElementId: element.id }));
    const mappingInstructions = request.mappingInstructions ?? sameIds;
    const seen = new Set<string>();
    for (const { sourceElementId, targetElementId } of mappingInstructions) {
      if (!sourceIds.has(sourceElementId))
        throw badRequest(
          'unknown_source_element',
          `Phiên bản ${source.version} không có phần tử "${sourceElementId}".`,
        );
      if (!targetIds.has(targetElementId))
        throw badRequest(
          'unknown_target_element',
          `Phiên bản ${target.version} không có phần tử "${targetElementId}".`,
        );
      if (seen.has(sourceElementId))
        throw badRequest('duplicate_mapping', `Phần tử "${sourceElementId}" được chuyển đến hai nơi.`);
      seen.add(sourceElementId);
    }
    const key = (list: MigrationMappingInstruction[]) =>
      list
        .map((m) => `${m.sourceElementId}>${m.targetElementId}`)
        .sort()
        .join('|');
    const sameIdMapping = key(mappingInstructions) === key(sameIds);
    return { source, target, sourceElements, targetElements, mappingInstructions, sameIdMapping };
  }

  async preview(processId: string, request: MigrationRequest): Promise<MigrationPreview> {
    const plan = await this.plan(processId, request);
    const [instances, active] = await Promise.all([
      this.engine.runningInstances(plan.source.processDefinitionKey),
      this.engine.activeElements(plan.source.processDefinitionKey),
    ]);
    const targetOf = new Map(plan.mappingInstructions.map((m) => [m.sourceElementId, m.targetElementId]));
    return {
      processDefinitionId: processId,
      sourceVersion: plan.source.version,
      targetVersion: plan.target.version,
      instances: instances.length,
      sourceElements: plan.sourceElements,
      targetElements: plan.targetElements,
      mappingInstructions: plan.mappingInstructions,
      active: [...active]
        .map(([elementId, count]) => ({
          elementId,
          instances: count,
          targetElementId: targetOf.get(elementId) ?? null,
        }))
        .sort((a, b) => a.elementId.localeCompare(b.elementId)),
    };
  }

  /** Migrates every running instance of the source version, one by one; each refusal is kept with its reason. */
  async migrate(processId: string, request: MigrationRequest): Promise<MigrationResult> {
    const plan = await this.plan(processId, request);
    const migrated: string[] = [];
    const failed: MigrationFailure[] = [];
    for (const processInstanceKey of await this.engine.runningInstances(plan.source.processDefinitionKey)) {
      const reason = await this.engine.migrate(
        processInstanceKey,
        plan.target.processDefinitionKey,
        plan.mappingInstructions,
      );
      if (reason === null) migrated.push(processInstanceKey);
      else failed.push({ processInstanceKey, reason });
    }
    return {
      processDefinitionId: processId,
      sourceVersion: plan.source.version,
      targetVersion: plan.target.version,
      sameIdMapping: plan.sameIdMapping,
      migrated,
      failed,
    };
  }
}
