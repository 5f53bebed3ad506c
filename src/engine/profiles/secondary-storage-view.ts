/**
 * ENGINE_PROFILE=camunda-8.8: the REST v2 reads as a Camunda 8.8 cluster answers them, so the app is proven not to
 * rely on kindnesses only this engine offers (architecture decision 9).
 *
 * Camunda 8.8 answers searches and gets from secondary storage that its exporters fill behind the broker. Commands
 * are not delayed; what they change shows later. This view wraps the engine's API as the REST gateway sees it:
 * - a record is invisible until the exporter "reaches" it, `lagMs` × (0.5…1) after this view first met it — keys
 *   reach it in a scrambled order, so a later record can show before an earlier one (the gaps exporters leave);
 * - a user task shows CREATING in the second half of that window, ASSIGNING / UPDATING / COMPLETING (with its
 *   previous assignee) for `lagMs` after a change made through this API;
 * - variable values over 8,191 characters come back cut, with `isTruncated`, unless `truncateValues: false`;
 * - `total` stops at `totalCap`, with `hasMoreTotalItems`.
 * Times are real elapsed time (performance.now), not the engine clock: tests pin and move the engine clock, and a
 * lag measured on it would never pass, or pass in one step of months.
 */
import {
  SEARCH_TOTAL_CAP,
  type EngineApi,
  type Key,
  type SearchQuery,
  type SearchResult,
  type UserTask,
  type Variable,
} from '../engine-api.js';

export interface SecondaryStorageOptions {
  /** How far behind the broker searches are (Camunda: typically 1–5 s). */
  lagMs: number;
  /** Camunda 8.8 truncates variable values longer than this in searches. */
  truncateAt?: number;
  /** Where Camunda's secondary storage stops counting (Elasticsearch's track_total_hits default). */
  totalCap?: number;
  /** Real elapsed milliseconds; tests may pass their own. */
  now?: () => number;
}

type TransientState = 'ASSIGNING' | 'UPDATING' | 'COMPLETING';

interface PendingChange {
  until: number;
  state: TransientState;
  previous: UserTask;
}

const TRUNCATE_AT = 8191;

/** A stable pseudo-random fraction per key, so the same record is always reached at the same moment. */
function scramble(key: string): number {
  let hash = 2166136261;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

export function secondaryStorageView(engine: EngineApi, options: SecondaryStorageOptions): EngineApi {
  const now = options.now ?? (() => performance.now());
  const truncateAt = options.truncateAt ?? TRUNCATE_AT;
  const totalCap = options.totalCap ?? SEARCH_TOTAL_CAP;
  const firstMet = new Map<string, number>();
  const pending = new Map<Key, PendingChange>();

  /** When the exporter reaches this record: half to all of the lag after it was first met. */
  const reachedAt = (kind: string, key: Key): number => {
    const id = `${kind}:${key}`;
    let met = firstMet.get(id);
    if (met === undefined) {
      met = now();
      firstMet.set(id, met);
      // Forget records long since exported, so the map stays small over a long run.
      if (firstMet.size > 200_000)
        for (const [old, at] of firstMet) if (at < met - 60_000) firstMet.delete(old);
    }
    return met + options.lagMs * (0.5 + scramble(id) / 2);
  };

  const capped = <T>(result: SearchResult<T>, dropped: number): SearchResult<T> => {
    const total = Math.max(result.items.length, result.total - dropped);
    // The engine itself stops counting at the cap: the records not yet exported are among the uncounted ones.
    return total > totalCap || result.hasMoreTotalItems
      ? { items: result.items, total: totalCap, hasMoreTotalItems: true }
      : { items: result.items, total };
  };

  const visibleOnly = async <T>(
    kind: string,
    keyOf: (item: T) => Key,
    search: Promise<SearchResult<T>>,
  ): Promise<SearchResult<T>> => {
    const result = await search;
    const at = now();
    const items = result.items.filter((item) => reachedAt(kind, keyOf(item)) <= at);
    return capped({ ...result, items }, result.items.length - items.length);
  };

  const asExported = (task: UserTask, at: number): UserTask | null => {
    const reached = reachedAt('user-task', task.userTaskKey);
    if (reached > at + options.lagMs / 2) return null;
    const change = pending.get(task.userTaskKey);
    if (change && change.until > at) return { ...change.previous, state: change.state as UserTask['state'] };
    if (change) pending.delete(task.userTaskKey);
    // Created, but its creation not fully exported: CREATING (the first half of the window it is not there at all).
    if (reached > at) return { ...task, state: 'CREATING' as UserTask['state'] };
    return task;
  };

  const truncated = (variable: Variable, whole: boolean | undefined): Variable =>
    whole === false || variable.value.length <= truncateAt
      ? variable
      : { ...variable, value: variable.value.slice(0, truncateAt), isTruncated: true };

  /** Runs a command on a user task and keeps its previous export for the lag, in the given transient state. */
  const changing = async (key: Key, state: TransientState, command: () => Promise<void>): Promise<void> => {
    const before = (await engine.searchUserTasks({ filter: { userTaskKey: key }, page: { limit: 1 } }))
      .items[0];
    await command();
    if (!before) return;
    const shown = asExported(before, now());
    if (shown) pending.set(key, { until: now() + options.lagMs, state, previous: { ...shown } });
  };

  const overrides = {
    searchProcessInstances: (query: Parameters<EngineApi['searchProcessInstances']>[0]) =>
      visibleOnly(
        'process-instance',
        (item) => item.processInstanceKey,
        engine.searchProcessInstances(query),
      ),
    searchElementInstances: (query: Parameters<EngineApi['searchElementInstances']>[0]) =>
      visibleOnly(
        'element-instance',
        (item) => item.elementInstanceKey,
        engine.searchElementInstances(query),
      ),
    searchIncidents: (query: Parameters<EngineApi['searchIncidents']>[0]) =>
      visibleOnly('incident', (item) => item.incidentKey, engine.searchIncidents(query)),
    searchDecisionInstances: (query: Parameters<EngineApi['searchDecisionInstances']>[0]) =>
      visibleOnly(
        'decision-instance',
        (item) => item.decisionEvaluationInstanceKey,
        engine.searchDecisionInstances(query),
      ),
    async searchVariables(query: SearchQuery<Partial<Variable>>) {
      const result = await visibleOnly('variable', (item) => item.variableKey, engine.searchVariables(query));
      return { ...result, items: result.items.map((item) => truncated(item, query.truncateValues)) };
    },
    async searchUserTaskVariables(
      userTaskKey: Key,
      query: Parameters<EngineApi['searchUserTaskVariables']>[1],
    ) {
      // Camunda 8.8 answers one entry per scope: an outer `quyetDinh` comes beside the task's own.
      const result = await engine.searchUserTaskVariables(userTaskKey, { ...query, perScope: true });
      return capped(
        { ...result, items: result.items.map((item) => truncated(item, query.truncateValues)) },
        0,
      );
    },
    async searchUserTasks(query: Parameters<EngineApi['searchUserTasks']>[0]) {
      const result = await engine.searchUserTasks(query);
      const at = now();
      const items = result.items.flatMap((task) => {
        const shown = asExported(task, at);
        return shown ? [shown] : [];
      });
      return capped({ ...result, items }, result.items.length - items.length);
    },
    assignUserTask: (key: Key, assignee: string, assignOptions?: { allowOverride?: boolean }) =>
      changing(key, 'ASSIGNING', () => engine.assignUserTask(key, assignee, assignOptions)),
    unassignUserTask: (key: Key) => changing(key, 'ASSIGNING', () => engine.unassignUserTask(key)),
    updateUserTask: (command: Parameters<EngineApi['updateUserTask']>[0]) =>
      changing(command.userTaskKey, 'UPDATING', () => engine.updateUserTask(command)),
    completeUserTask: (key: Key, variables?: Parameters<EngineApi['completeUserTask']>[1]) =>
      changing(key, 'COMPLETING', () => engine.completeUserTask(key, variables)),
  } satisfies Partial<EngineApi>;
  // Everything else (commands, deployments, jobs) goes to the engine itself, bound to it.
  return new Proxy(engine, {
    get(target, name, receiver) {
      if (Object.hasOwn(overrides, name)) return overrides[name as keyof typeof overrides];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
