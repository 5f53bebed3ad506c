/**
 * The cockpit's view of the engine: Camunda 8.8's REST v2 calls, through the SDK's Orchestration Cluster client (the
 * app's shared EngineClients.rest), so the cockpit works against the embedded engine and a Camunda 8.8 cluster alike.
 */
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { AppError } from '../../lib/errors.js';

const noWait = { consistency: { waitUpToMs: 0 } };
/** Casts a request to what the loose client accepts; the REST gateway validates it. */
const body = <T>(value: T): never => value as never;

export interface EngineInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName?: string;
  processDefinitionVersion: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate?: string | null;
}

export interface EngineDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
}

export interface EngineElementInstance {
  elementInstanceKey: string;
  elementId: string;
  elementName?: string;
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: string;
  endDate?: string | null;
}

export interface EngineIncident {
  incidentKey: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  creationTime: string;
  jobKey?: string | null;
  state: string;
}

export interface EngineVariable {
  name: string;
  value: string;
  scopeKey: string;
  processInstanceKey: string;
  isTruncated?: boolean;
}

export interface EngineUserTask {
  userTaskKey: string;
  elementInstanceKey: string;
  assignee?: string | null;
  state: string;
  completionDate?: string | null;
}

export interface ElementStatistics {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

export type Filter = Record<string, unknown>;
export interface Page {
  from: number;
  limit: number;
}
export type Sort = { field: string; order: 'ASC' | 'DESC' }[];

function statusOf(error: unknown): number | undefined {
  const candidate = error as {
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown };
  } | null;
  const status = candidate?.status ?? candidate?.statusCode ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The engine's 404 is the cockpit's 404; its other 4xx (a job already retried, an instance already ended) a 409. */
async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) throw new AppError(404, 'not_found', 'Không tìm thấy hồ sơ hoặc sự cố này.');
    if (status !== undefined && status >= 400 && status < 500)
      throw new AppError(409, 'engine_refused', 'Bộ máy quy trình từ chối thao tác này (hồ sơ đã thay đổi).');
    throw error;
  }
}

const ALL = 10_000;

export class MonitorEngine {
  private readonly xml = new Map<string, Promise<string>>();

  constructor(private readonly rest: CamundaClientLoose) {}

  async searchInstances(
    filter: Filter,
    sort: Sort,
    page: Page,
  ): Promise<{ items: EngineInstance[]; total: number; totalIsLowerBound: boolean }> {
    const found = (await mapped(() =>
      this.rest.searchProcessInstances(body({ filter, sort, page }), noWait),
    )) as unknown as {
      items?: EngineInstance[];
      page?: { totalItems?: number | string; hasMoreTotalItems?: boolean };
    };
    return {
      items: found.items ?? [],
      total: Number(found.page?.totalItems ?? 0),
      totalIsLowerBound: found.page?.hasMoreTotalItems === true,
    };
  }

  /** The number of matches, and whether the engine stopped counting there (Camunda 8.8 caps at 10,000). */
  async countInstances(filter: Filter): Promise<{ count: number; atLeast: boolean }> {
    const found = await this.searchInstances(filter, [], { from: 0, limit: 1 });
    return { count: found.total, atLeast: found.totalIsLowerBound };
  }

  async instance(processInstanceKey: string): Promise<EngineInstance> {
    return (await mapped(() =>
      this.rest.getProcessInstance(body({ processInstanceKey }), noWait),
    )) as unknown as EngineInstance;
  }

  async definitions(): Promise<EngineDefinition[]> {
    const found = (await mapped(() =>
      this.rest.searchProcessDefinitions(
        body({ sort: [{ field: 'version', order: 'DESC' }], page: { from: 0, limit: 1000 } }),
        noWait,
      ),
    )) as unknown as { items?: EngineDefinition[] };
    return found.items ?? [];
  }

  /** Deployed definitions never change: their XML is fetched once per key. */
  definitionXml(processDefinitionKey: string): Promise<string> {
    let found = this.xml.get(processDefinitionKey);
    if (!found) {
      found = mapped(
        () => this.rest.getProcessDefinitionXml(body({ processDefinitionKey }), noWait) as Promise<unknown>,
      ).then((xml) => String(xml));
      found.catch(() => this.xml.delete(processDefinitionKey));
      this.xml.set(processDefinitionKey, found);
    }
    return found;
  }

  async instanceStatistics(processInstanceKey: string): Promise<ElementStatistics[]> {
    const found = (await mapped(() =>
      this.rest.getProcessInstanceStatistics(body({ processInstanceKey }), noWait),
    )) as unknown as { items?: ElementStatistics[] };
    return found.items ?? [];
  }

  async definitionStatistics(processDefinitionKey: string, filter: Filter): Promise<ElementStatistics[]> {
    const found = (await mapped(() =>
      this.rest.getProcessDefinitionStatistics(body({ processDefinitionKey, filter }), noWait),
    )) as unknown as { items?: ElementStatistics[] };
    return found.items ?? [];
  }

  async sequenceFlows(processInstanceKey: string): Promise<string[]> {
    const found = (await mapped(() =>
      this.rest.getProcessInstanceSequenceFlows(body({ processInstanceKey }), noWait),
    )) as unknown as { items?: { sequenceFlowId?: string }[] };
    return (found.items ?? []).flatMap((item) => (item.sequenceFlowId ? [item.sequenceFlowId] : []));
  }

  async incidents(processInstanceKey: string): Promise<EngineIncident[]> {
    const found = (await mapped(() =>
      this.rest.searchIncidents(
        body({
          filter: { processInstanceKey, state: 'ACTIVE' },
          sort: [{ field: 'creationTime', order: 'ASC' }],
          page: { from: 0, limit: 100 },
        }),
        noWait,
      ),
    )) as unknown as { items?: EngineIncident[] };
    return found.items ?? [];
  }

  async incident(incidentKey: string): Promise<EngineIncident & { processInstanceKey: string }> {
    return (await mapped(() =>
      this.rest.getIncident(body({ incidentKey }), noWait),
    )) as unknown as EngineIncident & {
      processInstanceKey: string;
    };
  }

  async elementInstances(processInstanceKey: string): Promise<EngineElementInstance[]> {
    const found = (await mapped(() =>
      this.rest.searchElementInstances(
        body({
          filter: { processInstanceKey },
          sort: [{ field: 'startDate', order: 'ASC' }],
          page: { from: 0, limit: 1000 },
        }),
        noWait,
      ),
    )) as unknown as { items?: EngineElementInstance[] };
    return found.items ?? [];
  }

  /** The instance's own (process-scope) variables; Camunda truncates long values in searches (isTruncated). */
  async variables(processInstanceKey: string): Promise<EngineVariable[]> {
    const found = (await mapped(() =>
      this.rest.searchVariables(
        body({
          filter: { processInstanceKey, scopeKey: processInstanceKey },
          sort: [{ field: 'name', order: 'ASC' }],
          page: { from: 0, limit: 500 },
        }),
        noWait,
      ),
    )) as unknown as { items?: EngineVariable[] };
    return found.items ?? [];
  }

  async userTasks(processInstanceKey: string): Promise<EngineUserTask[]> {
    const found = (await mapped(() =>
      this.rest.searchUserTasks(
        body({ filter: { processInstanceKey }, page: { from: 0, limit: ALL } }),
        noWait,
      ),
    )) as unknown as { items?: EngineUserTask[] };
    return found.items ?? [];
  }

  async retryJob(jobKey: string, retries: number): Promise<void> {
    await mapped(() => this.rest.updateJob(body({ jobKey, changeset: { retries } })));
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    await mapped(() => this.rest.resolveIncident(body({ incidentKey })));
  }

  async cancel(processInstanceKey: string): Promise<void> {
    await mapped(() => this.rest.cancelProcessInstance(body({ processInstanceKey })));
  }

  async setVariables(elementInstanceKey: string, variables: Record<string, unknown>): Promise<void> {
    await mapped(() =>
      this.rest.createElementInstanceVariables(body({ elementInstanceKey, variables, local: true })),
    );
  }
}
