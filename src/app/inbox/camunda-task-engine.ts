import type { FormSchema } from '../../shared/contracts/index.js';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { EngineRefusal, OPEN_TASK_STATES, type EngineTask, type TaskEngine } from './task-engine.port.js';
import { variableTruncated } from './inbox.errors.js';
import { resolveByScope, type ScopedVariable } from '../engine-client/variable-scopes.js';

/** The fields of Camunda's UserTaskResult the inbox reads (all optional in the API's own types). */
interface UserTaskResult {
  userTaskKey?: string;
  name?: string;
  elementId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processInstanceKey?: string;
  candidateGroups?: string[];
  assignee?: string;
  state?: string;
  creationDate?: string;
  dueDate?: string;
  priority?: number;
}

const PAGE_LIMIT = 1000;
/** Deployments are rare; the inbox's process filter may lag one by this much. */
const PROCESS_LIST_TTL_MS = 30_000;
const noWait = { consistency: { waitUpToMs: 0 } };
/** How often getWhen reads a task again while waiting for a change to show. */
const POLL_MS = 100;

function toTask(result: UserTaskResult): EngineTask {
  return {
    key: String(result.userTaskKey ?? ''),
    name: result.name ?? result.elementId ?? '',
    elementId: result.elementId ?? '',
    processDefinitionId: result.processDefinitionId ?? '',
    processDefinitionKey: String(result.processDefinitionKey ?? ''),
    processInstanceKey: String(result.processInstanceKey ?? ''),
    candidateGroups: result.candidateGroups ?? [],
    assignee: result.assignee ?? null,
    state: result.state ?? 'CREATED',
    creationDate: result.creationDate ?? new Date(0).toISOString(),
    dueDate: result.dueDate ?? null,
    priority: result.priority ?? 50,
  };
}

/** The HTTP status of a failed SDK call, whichever shape its error has. */
function statusOf(error: unknown): number | undefined {
  const candidate = error as {
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown };
  } | null;
  const status = candidate?.status ?? candidate?.statusCode ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

async function refusals<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500)
      throw new EngineRefusal(status, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** Casts a request body to what the loose client accepts; the REST gateway validates it. */
const body = <T>(value: T): never => value as never;

/**
 * The inbox's view of the engine over Camunda's REST v2 API, through the SDK's Orchestration Cluster client (the app's
 * shared EngineClients.rest), so it works against the embedded engine and Camunda 8.8 alike.
 */
export function camundaTaskEngine(rest: CamundaClientLoose): TaskEngine {
  let latestProcesses: { at: number; list: { id: string; name: string }[] } | undefined;
  const definitions = new Map<string, Promise<{ name: string; xml: string } | null>>();
  const loadDefinition = async (processDefinitionKey: string) => {
    try {
      const [definition, xml] = await Promise.all([
        rest.getProcessDefinition(body({ processDefinitionKey }), noWait) as Promise<{
          name?: string;
          processDefinitionId?: string;
        }>,
        rest.getProcessDefinitionXml(body({ processDefinitionKey }), noWait) as Promise<unknown>,
      ]);
      return { name: definition.name ?? definition.processDefinitionId ?? '', xml: String(xml) };
    } catch (error) {
      definitions.delete(processDefinitionKey);
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  const getTask = async (key: string): Promise<EngineTask | null> => {
    try {
      return toTask((await rest.getUserTask(body({ userTaskKey: key }), noWait)) as UserTaskResult);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  return {
    async searchOpen({ filter, sort, page }) {
      const found = await rest.searchUserTasks(
        body({ filter: { ...filter, state: { $in: [...OPEN_TASK_STATES] } }, sort, page }),
        noWait,
      );
      const paging = found.page as { totalItems: unknown; hasMoreTotalItems?: boolean };
      return {
        items: (found.items as UserTaskResult[]).map(toTask),
        total: Number(paging.totalItems),
        totalIsLowerBound: paging.hasMoreTotalItems === true,
      };
    },
    get: (key) => getTask(key),
    async getWhen(key, until, waitMs) {
      const deadline = Date.now() + waitMs;
      let task = await getTask(key);
      while (!until(task) && Date.now() < deadline) {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))),
        );
        task = await getTask(key);
      }
      return task;
    },
    async form(key) {
      const result = (await refusals(() => rest.getUserTaskForm(body({ userTaskKey: key }), noWait))) as
        { schema?: unknown; formKey?: unknown } | undefined | null;
      if (!result?.schema) return null;
      const schema =
        typeof result.schema === 'string'
          ? (JSON.parse(result.schema) as FormSchema)
          : (result.schema as FormSchema);
      return { formKey: String(result.formKey ?? ''), schema };
    },
    async variables(key, names) {
      const found = await rest.searchUserTaskVariables(
        body({
          userTaskKey: key,
          // Whole values: the app validates and re-submits what it reads, so a cut value would corrupt it.
          truncateValues: false,
          ...(names ? { filter: { name: { $in: [...names] } } } : {}),
          page: { from: 0, limit: PAGE_LIMIT },
        }),
        noWait,
      );
      const values: Record<string, unknown> = {};
      for (const item of resolveByScope(found.items as ScopedVariable[])) {
        if (item.isTruncated) throw variableTruncated(item.name);
        values[item.name] = item.value === undefined ? null : JSON.parse(item.value);
      }
      return values;
    },
    async processes() {
      const now = Date.now();
      if (!latestProcesses || latestProcesses.at < now - PROCESS_LIST_TTL_MS) {
        const found = await rest.searchProcessDefinitions(
          body({ filter: { isLatestVersion: true }, page: { from: 0, limit: PAGE_LIMIT } }),
          noWait,
        );
        const list = (found.items as { processDefinitionId?: string; name?: string }[])
          .filter((item) => item.processDefinitionId)
          .map((item) => ({
            id: String(item.processDefinitionId),
            name: item.name || String(item.processDefinitionId),
          }));
        latestProcesses = { at: now, list };
      }
      return latestProcesses.list;
    },
    definition(processDefinitionKey) {
      let found = definitions.get(processDefinitionKey);
      if (!found) {
        found = loadDefinition(processDefinitionKey);
        definitions.set(processDefinitionKey, found);
      }
      return found;
    },
    assign: (key, assignee) =>
      refusals(() => rest.assignUserTask(body({ userTaskKey: key, assignee, allowOverride: false }))),
    unassign: (key) => refusals(() => rest.unassignUserTask(body({ userTaskKey: key }))),
    complete: (key, variables) =>
      refusals(() => rest.completeUserTask(body({ userTaskKey: key, variables }))),
  };
}
