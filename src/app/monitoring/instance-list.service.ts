import type { InstanceList, InstanceQuery, InstanceRow, ProcessView } from '../../shared/contracts/index.js';
import { AppError } from '../../lib/errors.js';
import { isRestricted, watches, type Watcher } from './monitor-access.js';
import type { EngineInstance, Filter, MonitorEngine, Sort } from './monitor-engine.js';
import { PAGE_SIZE, startOfVietnamDay } from './monitor-query.js';

type StateCounts = Pick<InstanceList, 'counts' | 'countIsLowerBound'>;

export const processNotFound = (): AppError =>
  new AppError(
    404,
    'process_not_found',
    'Không tìm thấy quy trình này hoặc bạn không được theo dõi quy trình này.',
  );

export function rowOf(instance: EngineInstance): InstanceRow {
  return {
    key: String(instance.processInstanceKey),
    processId: instance.processDefinitionId,
    processName: instance.processDefinitionName ?? instance.processDefinitionId,
    version: instance.processDefinitionVersion,
    state: instance.state,
    hasIncident: instance.hasIncident,
    startDate: instance.startDate,
    endDate: instance.endDate ?? null,
  };
}

/**
 * The variable that names an instance's units: the personnel and complaint processes carry their unit as `unit`,
 * the others the reporting units as `units` (processes/README.md). Both hold `code` fields in their JSON text.
 */
function unitVariable(processId: string | undefined): string {
  return isRestricted(processId) ? 'unit' : 'units';
}

/** A `$like` on a variable's JSON text that matches a `"code":"…"` field (codes are checked: no wildcard in them). */
const codeLike = (code: string) => ({ $like: `*"code":"${code}"*` });

/** The list's filters as Camunda's ProcessInstanceFilter, limited to the processes the user watches. */
export function engineFilterOf(query: InstanceQuery, watcher: Watcher): Filter {
  const filter: Filter = {};
  if (query.process) filter.processDefinitionId = query.process;
  else if (watcher.processes !== null) filter.processDefinitionId = { $in: [...watcher.processes] };
  if (query.version !== undefined) filter.processDefinitionVersion = query.version;
  if (query.state) filter.state = query.state;
  if (query.incidents !== undefined) filter.hasIncident = query.incidents;
  if (query.from || query.to)
    filter.startDate = {
      ...(query.from ? { $gte: startOfVietnamDay(query.from) } : {}),
      ...(query.to ? { $lt: startOfVietnamDay(query.to, 1) } : {}),
    };
  const variables: { name: string; value: unknown }[] = [];
  if (query.unit) variables.push({ name: unitVariable(query.process), value: codeLike(query.unit) });
  if (query.period) variables.push({ name: 'period', value: codeLike(query.period) });
  if (variables.length > 0) filter.variables = variables;
  if (query.key) filter.processInstanceKey = query.key;
  return filter;
}

export interface UnitLister {
  /** The reporting units active now (the organisation directory's reportingUnitsAt). */
  reportingUnits(): Promise<{ code: string; name: string }[]>;
}

/**
 * The counts per state are four more searches per list: they are kept this long per filter, shared by every user who
 * asks the same. The engine's searches are themselves eventually consistent (Camunda: 1–5 s behind), and the list's
 * own rows are always read fresh.
 */
const COUNTS_TTL_MS = 5_000;
const MAX_CACHED_COUNTS = 500;

export class InstanceListService {
  private readonly counts = new Map<string, { at: number; counts: Promise<StateCounts> }>();

  constructor(
    private readonly engine: MonitorEngine,
    private readonly units: UnitLister,
    private readonly now: () => number = Date.now,
  ) {}

  private countsOf(anyState: Filter, fresh = false): Promise<StateCounts> {
    const key = JSON.stringify(anyState);
    const cached = this.counts.get(key);
    if (!fresh && cached && this.now() - cached.at < COUNTS_TTL_MS) return cached.counts;
    const counts = Promise.all([
      this.engine.countInstances({ ...anyState, state: 'ACTIVE' }),
      this.engine.countInstances({ ...anyState, state: 'COMPLETED' }),
      this.engine.countInstances({ ...anyState, state: 'TERMINATED' }),
      this.engine.countInstances({ ...anyState, hasIncident: true }),
    ]).then(([ACTIVE, COMPLETED, TERMINATED, incidents]) => ({
      counts: {
        ACTIVE: ACTIVE.count,
        COMPLETED: COMPLETED.count,
        TERMINATED: TERMINATED.count,
        incidents: incidents.count,
      },
      countIsLowerBound: {
        ACTIVE: ACTIVE.atLeast,
        COMPLETED: COMPLETED.atLeast,
        TERMINATED: TERMINATED.atLeast,
        incidents: incidents.atLeast,
      },
    }));
    counts.catch(() => this.counts.delete(key));
    if (this.counts.size >= MAX_CACHED_COUNTS) this.counts.clear();
    this.counts.set(key, { at: this.now(), counts });
    return counts;
  }

  async list(watcher: Watcher, query: InstanceQuery & { page: number }): Promise<InstanceList> {
    if (query.process && !watches(watcher, query.process)) throw processNotFound();
    const filter = engineFilterOf(query, watcher);
    const { state: _state, hasIncident: _incident, ...anyState } = filter;
    const sort: Sort = [
      { field: query.sort ?? 'startDate', order: (query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC' },
    ];
    const [found, cachedCounts, processes, units] = await Promise.all([
      this.engine.searchInstances(filter, sort, { from: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
      this.countsOf(anyState),
      this.processes(watcher),
      this.units.reportingUnits(),
    ]);
    // Cached counts read before the engine's searches showed new instances would contradict the rows shown (a tab
    // saying 0 over a list of one): when the count of the filtered state disagrees with the fresh total, read again.
    const shownCount =
      query.state && query.incidents === undefined
        ? cachedCounts.counts[query.state]
        : query.incidents === true && !query.state
          ? cachedCounts.counts.incidents
          : undefined;
    const { counts, countIsLowerBound } =
      shownCount !== undefined && shownCount !== found.total
        ? await this.countsOf(anyState, true)
        : cachedCounts;
    return {
      items: found.items.map(rowOf),
      total: found.total,
      totalIsLowerBound: found.totalIsLowerBound,
      page: query.page,
      pageSize: PAGE_SIZE,
      counts,
      countIsLowerBound,
      processes,
      units: units.map((unit) => ({ code: unit.code, name: unit.name })),
    };
  }

  async processes(watcher: Watcher): Promise<InstanceList['processes']> {
    const byId = new Map<string, { id: string; name: string; versions: number[] }>();
    for (const definition of await this.engine.definitions()) {
      if (!watches(watcher, definition.processDefinitionId)) continue;
      let entry = byId.get(definition.processDefinitionId);
      if (!entry) {
        entry = {
          id: definition.processDefinitionId,
          name: definition.name ?? definition.processDefinitionId,
          versions: [],
        };
        byId.set(entry.id, entry);
      }
      entry.versions.push(definition.version);
    }
    for (const entry of byId.values()) entry.versions.sort((a, b) => b - a);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Every version of a process, newest first, with its diagram, per-element counts and running instances. */
  async process(watcher: Watcher, id: string): Promise<ProcessView> {
    if (!watches(watcher, id)) throw processNotFound();
    const definitions = (await this.engine.definitions())
      .filter((definition) => definition.processDefinitionId === id)
      .sort((a, b) => b.version - a.version);
    const latest = definitions[0];
    if (!latest) throw processNotFound();
    const versions = await Promise.all(
      definitions.map(async (definition) => {
        const key = String(definition.processDefinitionKey);
        const [bpmnXml, elements, running] = await Promise.all([
          this.engine.definitionXml(key),
          this.engine.definitionStatistics(key, {}),
          this.engine.countInstances({ processDefinitionKey: key, state: 'ACTIVE' }),
        ]);
        return {
          key,
          version: definition.version,
          running: running.count,
          runningIsLowerBound: running.atLeast,
          bpmnXml,
          elements: elements.map(countOf),
        };
      }),
    );
    return { id, name: latest.name ?? id, versions };
  }
}

export function countOf(item: {
  elementId: string;
  active?: number;
  completed?: number;
  canceled?: number;
  incidents?: number;
}) {
  return {
    elementId: String(item.elementId),
    active: item.active ?? 0,
    completed: item.completed ?? 0,
    canceled: item.canceled ?? 0,
    incidents: item.incidents ?? 0,
  };
}
