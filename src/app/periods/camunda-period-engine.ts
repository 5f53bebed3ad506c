import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { LRUCache } from 'lru-cache';
import { resolveByScope } from '../engine-client/variable-scopes.js';
import type { UnitTaskFact } from './unit-status.js';
import type {
  EngineElementInstance,
  EngineInstance,
  EngineVariable,
  PeriodEngine,
} from './period-engine.port.js';

const PAGE = 1000;
const MISS_TTL_MS = 10 * 60_000;
/** Searches read what secondary storage has; the dashboard never waits for its own writes (it makes none). */
const noWait = { consistency: { waitUpToMs: 0 } };
const body = <T>(value: T): never => value as never;

interface Page<T> {
  items: T[];
  page: { totalItems: number | string; hasMoreTotalItems?: boolean };
}

/** Every page of a search, PAGE items at a time. */
async function all<T>(search: (page: { from: number; limit: number }) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const found = await search({ from, limit: PAGE });
    items.push(...found.items);
    // A capped total (Camunda 8.8 stops counting at 10,000) is no end: only a short page or a full count is.
    const counted = found.page.hasMoreTotalItems !== true;
    if (found.items.length < PAGE || (counted && items.length >= Number(found.page.totalItems))) return items;
  }
}

interface RawInstance {
  processInstanceKey?: unknown;
  processDefinitionId?: unknown;
  processDefinitionName?: unknown;
  state?: unknown;
  startDate?: unknown;
  endDate?: unknown;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const textOrNull = (value: unknown): string | null => (value ? String(value) : null);

function instanceOf(raw: RawInstance): EngineInstance {
  return {
    processInstanceKey: text(raw.processInstanceKey),
    processDefinitionId: text(raw.processDefinitionId),
    processDefinitionName: text(raw.processDefinitionName) || text(raw.processDefinitionId),
    state: text(raw.state),
    startDate: text(raw.startDate),
    endDate: textOrNull(raw.endDate),
  };
}

/** A 404 from the SDK, whichever shape its error has. */
function isNotFound(error: unknown): boolean {
  const candidate = error as {
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown };
  } | null;
  const status = candidate?.status ?? candidate?.statusCode ?? candidate?.response?.status;
  return status === 404;
}

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The dashboard's engine over Camunda's REST v2 API (@camunda8/sdk's Orchestration Cluster client). A user task's
 * unit never changes, so it is remembered by task key; nothing else is cached.
 */
export function camundaPeriodEngine(rest: CamundaClientLoose): PeriodEngine {
  const taskUnits = new LRUCache<string, string>({ max: 100_000 });
  /** Finished tasks whose unit was not found: asked again only after a while, not on every dashboard. */
  const unknown = new LRUCache<string, true>({ max: 100_000, ttl: MISS_TTL_MS });

  const fullValue = async (item: { value?: unknown; isTruncated?: unknown; variableKey?: unknown }) => {
    if (item.isTruncated !== true) return parse(item.value);
    // Camunda truncates long values in searches (architecture, principle 9): read the whole one.
    const whole = (await rest.getVariable(body({ variableKey: String(item.variableKey) }), noWait)) as {
      value?: unknown;
    };
    return parse(whole.value);
  };

  return {
    async instances(processId) {
      const found = await all(
        (page) =>
          rest.searchProcessInstances(
            body({
              filter: { processDefinitionId: processId },
              sort: [{ field: 'startDate', order: 'DESC' }],
              page,
            }),
            noWait,
          ) as Promise<Page<RawInstance>>,
      );
      return found.map(instanceOf);
    },
    async instance(processInstanceKey) {
      try {
        return instanceOf(
          (await rest.getProcessInstance(body({ processInstanceKey }), noWait)) as RawInstance,
        );
      } catch (error) {
        const status = (error as { status?: unknown; response?: { status?: unknown } }).status;
        if (status === 404 || (error as { response?: { status?: unknown } }).response?.status === 404)
          return null;
        if (/404|not found/i.test(String(error))) return null;
        throw error;
      }
    },
    async variables(name, processInstanceKey) {
      const found = await all(
        (page) =>
          rest.searchVariables(
            body({ filter: { name, ...(processInstanceKey ? { processInstanceKey } : {}) }, page }),
            noWait,
          ) as Promise<Page<Record<string, unknown>>>,
      );
      return Promise.all(
        found.map(async (item): Promise<EngineVariable> => ({
          name: text(item.name),
          scopeKey: text(item.scopeKey),
          processInstanceKey: text(item.processInstanceKey),
          value: await fullValue(item),
        })),
      );
    },
    async elementInstances(processInstanceKey, elementId) {
      const found = await all(
        (page) =>
          rest.searchElementInstances(
            body({ filter: { processInstanceKey, elementId }, page }),
            noWait,
          ) as Promise<Page<Record<string, unknown>>>,
      );
      return found.map((item): EngineElementInstance => ({
        elementInstanceKey: text(item.elementInstanceKey),
        elementId: text(item.elementId),
        type: text(item.type),
        state: text(item.state),
        startDate: text(item.startDate),
        endDate: textOrNull(item.endDate),
      }));
    },
    async userTasks(processInstanceKey) {
      const found = await all(
        (page) =>
          rest.searchUserTasks(
            body({ filter: { processInstanceKey }, sort: [{ field: 'creationDate', order: 'ASC' }], page }),
            noWait,
          ) as Promise<Page<Record<string, unknown>>>,
      );
      return found.map((item): UnitTaskFact => ({
        userTaskKey: text(item.userTaskKey),
        elementId: text(item.elementId),
        state: text(item.state) || 'CREATED',
        assignee: textOrNull(item.assignee),
        candidateGroups: Array.isArray(item.candidateGroups) ? item.candidateGroups.map(String) : [],
        creationDate: text(item.creationDate),
        completionDate: textOrNull(item.completionDate),
      }));
    },
    async unitOfTask(userTaskKey, finished) {
      const known = taskUnits.get(userTaskKey);
      if (known) return known;
      if (unknown.has(userTaskKey)) return null;
      let found: Page<Record<string, unknown>>;
      try {
        found = (await rest.searchUserTaskVariables(
          body({ userTaskKey, filter: { name: 'unit' }, page: { from: 0, limit: 10 } }),
          noWait,
        )) as Page<Record<string, unknown>>;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        found = { items: [], page: { totalItems: 0 } };
      }
      // Camunda 8.8 answers an entry per scope: the task's nearest `unit` is its own.
      const [nearest] = resolveByScope(
        found.items.map((item) => ({ name: String(item.name), scopeKey: String(item.scopeKey), item })),
      );
      const unit = nearest ? ((await fullValue(nearest.item)) as { code?: unknown } | null) : null;
      const code = typeof unit?.code === 'string' ? unit.code : null;
      // An open task's miss is not remembered: the variable may just not be in the search yet.
      if (code) taskUnits.set(userTaskKey, code);
      else if (finished) unknown.set(userTaskKey, true);
      return code;
    },
  };
}
