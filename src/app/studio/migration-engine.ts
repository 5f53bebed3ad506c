import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { MigrationMappingInstruction } from '../../shared/contracts/index.js';

const noWait = { consistency: { waitUpToMs: 0 } };
const body = <T>(value: T): never => value as never;
const PAGE = 1000;
type Item = Partial<Record<string, unknown>>;

/** What the REST client throws for an engine's 4xx: the problem's fields copied onto the error. */
interface ProblemError {
  status?: unknown;
  detail?: unknown;
  title?: unknown;
}

/**
 * Migration's side of the engine, only through Camunda's REST v2 API: the running instances of a version, the
 * elements active in them, and `POST /v2/process-instances/{key}/migration` one instance at a time (Camunda 8.8
 * offers the batch form only in its batch operations, which this engine refuses).
 */
export class MigrationEngine {
  constructor(private readonly rest: CamundaClientLoose) {}

  private async everyPage(
    search: (page: { from: number; limit: number }) => Promise<Item[]>,
  ): Promise<Item[]> {
    const all: Item[] = [];
    for (let from = 0; ; from += PAGE) {
      const items = await search({ from, limit: PAGE });
      all.push(...items);
      if (items.length < PAGE) return all;
    }
  }

  /** The keys of the running (ACTIVE) instances of one process version, oldest first. */
  async runningInstances(processDefinitionKey: string): Promise<string[]> {
    const items = await this.everyPage(async (page) => {
      const found = await this.rest.searchProcessInstances(
        body({
          filter: { processDefinitionKey, state: 'ACTIVE' },
          sort: [{ field: 'processInstanceKey', order: 'ASC' }],
          page,
        }),
        noWait,
      );
      return found.items as Item[];
    });
    return items.map((item) => String(item.processInstanceKey ?? ''));
  }

  /** Per element id, how many running instances of the version have it active (the process itself left out). */
  async activeElements(processDefinitionKey: string): Promise<Map<string, number>> {
    const items = await this.everyPage(async (page) => {
      const found = await this.rest.searchElementInstances(
        body({ filter: { processDefinitionKey, state: 'ACTIVE' }, page }),
        noWait,
      );
      return found.items as Item[];
    });
    const instancesByElement = new Map<string, Set<string>>();
    for (const item of items) {
      if (item.type === 'PROCESS') continue;
      const elementId = String(item.elementId ?? '');
      const set = instancesByElement.get(elementId) ?? new Set<string>();
      set.add(String(item.processInstanceKey ?? ''));
      instancesByElement.set(elementId, set);
    }
    return new Map([...instancesByElement].map(([elementId, set]) => [elementId, set.size]));
  }

  /** Migrates one instance; answers null when it moved, else the engine's reason for refusing it. */
  async migrate(
    processInstanceKey: string,
    targetProcessDefinitionKey: string,
    mappingInstructions: MigrationMappingInstruction[],
  ): Promise<string | null> {
    try {
      await this.rest.migrateProcessInstance(
        body({ processInstanceKey, targetProcessDefinitionKey, mappingInstructions }),
      );
      return null;
    } catch (error) {
      const problem = error as ProblemError;
      const status = typeof problem.status === 'number' ? problem.status : undefined;
      // A refusal of this one instance (400 invalid plan, 404 ended meanwhile, 409 …) is its failure; anything else
      // (the engine away, a 5xx) stops the whole run.
      if (status === undefined || status >= 500) throw error;
      return typeof problem.detail === 'string' && problem.detail
        ? problem.detail
        : String(problem.title ?? (error instanceof Error ? error.message : error));
    }
  }
}
