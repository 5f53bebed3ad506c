import type {
  PeriodDashboard,
  PeriodDocumentLink,
  PeriodProcessId,
  PeriodSummary,
  UnitStatusCode,
  UnitStatusRow,
} from '../../shared/contracts/index.js';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { StoredReport } from '../records/index.js';
import { PERIOD_PROFILES, isPeriodProcess, type PeriodProfile } from './period-profiles.js';
import type { EngineInstance, EngineVariable, PeriodEngine } from './period-engine.port.js';
import { deriveUnitStatus, type UnitFacts, type UnitTaskFact } from './unit-status.js';
import { STATUS_ORDER, emptyTotals } from './status-labels.js';

/** What the dashboard reads of the app's own records. */
export interface PeriodRecords {
  reportsOfInstance(processInstanceKey: string): Promise<StoredReport[]>;
  documentsOfInstance(processInstanceKey: string): Promise<PeriodDocumentLink[]>;
  /** Who opened each instance by hand (process-start audit), by process instance key. */
  startersOf(processInstanceKeys: string[]): Promise<Map<string, string>>;
}

export interface PeriodDashboardDependencies {
  engine: PeriodEngine;
  records: PeriodRecords;
  clock: Clock;
  fullNamesOf(usernames: readonly string[]): Promise<Map<string, string>>;
  /** How long one computation serves the requests for the same period (DEFAULT_FRESH_MS). */
  freshMs?: number;
  /** A Bloc body's name by its code (its candidate group), for "held by Ban Tuyên giáo". */
  unitNameOf(code: string): Promise<string | undefined>;
}

interface UnitRef {
  code: string;
  name: string;
  kind: string;
  group: string;
  headGroup: string;
}

/** The whole dashboard before filtering, with what the report view needs of each unit. */
export interface ComputedPeriod {
  profile: PeriodProfile;
  dashboard: PeriodDashboard;
  scopeOfUnit: Map<string, string>;
  reports: Map<string, StoredReport>;
}

/** Camunda's searches lag 1–5 s; a dashboard at most this old adds little to that. */
const DEFAULT_FRESH_MS = 2_000;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function unitsOf(value: unknown): UnitRef[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (u): u is Record<string, unknown> => typeof u === 'object' && u !== null && typeof u.code === 'string',
    )
    .map((u) => ({
      code: text(u.code),
      name: text(u.name) || text(u.code),
      kind: text(u.kind),
      group: text(u.group),
      headGroup: text(u.headGroup),
    }));
}

const rootValue = (variables: EngineVariable[], instanceKey: string): unknown =>
  variables.find((v) => v.scopeKey === instanceKey)?.value ?? null;

/** Runs the calls at most `limit` at a time. */
async function limited<T, R>(items: T[], limit: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function summaryOf(instance: EngineInstance, period: unknown, startedBy: string | null): PeriodSummary {
  const p = (typeof period === 'object' && period !== null ? period : {}) as Record<string, unknown>;
  return {
    id: instance.processInstanceKey,
    processId: instance.processDefinitionId as PeriodProcessId,
    processName: instance.processDefinitionName,
    label: text(p.label),
    periodCode: text(p.code),
    state: instance.state,
    startDate: instance.startDate,
    endDate: instance.endDate,
    startedBy,
  };
}

/**
 * The compliance dashboard: every unit of a period and its status, from the engine's public searches and the
 * app's records. It writes nothing, so it never depends on reading its own writes; facts that lag behind each
 * other are reconciled in deriveUnitStatus (unit-status.ts).
 */
export class PeriodDashboardService {
  private readonly recent = new LRUCache<string, { at: number; computed: Promise<ComputedPeriod | null> }>({
    max: 100,
  });
  private readonly freshMs: number;

  constructor(private readonly deps: PeriodDashboardDependencies) {
    this.freshMs = deps.freshMs ?? DEFAULT_FRESH_MS;
  }

  async list(visible: readonly PeriodProcessId[]): Promise<PeriodSummary[]> {
    if (visible.length === 0) return [];
    const [instanceLists, periods] = await Promise.all([
      Promise.all(visible.map((id) => this.deps.engine.instances(id))),
      this.deps.engine.variables('period'),
    ]);
    const instances = instanceLists.flat();
    const starters = await this.deps.records.startersOf(instances.map((i) => i.processInstanceKey));
    return instances
      .map((instance) =>
        summaryOf(
          instance,
          rootValue(periods, instance.processInstanceKey),
          starters.get(instance.processInstanceKey) ?? null,
        ),
      )
      .sort((a, b) => b.startDate.localeCompare(a.startDate));
  }

  /**
   * The period's dashboard; 404 when it is not a period this user may see. Requests for the same period within
   * freshMs share one computation: the engine's searches are themselves seconds behind on Camunda (architecture,
   * principle 9), so a dashboard that old is as fresh as the data it reads, and the engine is asked once, not once
   * per viewer. The age is measured on the machine's monotonic clock: it is about load, not business time.
   */
  async compute(id: string, visible: readonly PeriodProcessId[]): Promise<ComputedPeriod> {
    if (!/^[0-9]{1,19}$/.test(id)) throw notFound('Không tìm thấy kỳ này.');
    const now = performance.now();
    let entry = this.recent.get(id);
    if (!entry || now - entry.at > this.freshMs) {
      entry = { at: now, computed: this.computeNow(id) };
      this.recent.set(id, entry);
      entry.computed.catch(() => this.recent.delete(id));
    }
    const computed = await entry.computed;
    if (!computed || !visible.includes(computed.profile.processId)) throw notFound('Không tìm thấy kỳ này.');
    return computed;
  }

  private async computeNow(id: string): Promise<ComputedPeriod | null> {
    const { engine } = this.deps;
    const instance = await engine.instance(id);
    if (!instance || !isPeriodProcess(instance.processDefinitionId)) return null;
    const profile = PERIOD_PROFILES[instance.processDefinitionId];
    const key = instance.processInstanceKey;

    const [
      period,
      units,
      due,
      collection,
      scopes,
      unitVars,
      daGui,
      quaHan,
      traLaiBoi,
      tasks,
      reports,
      documents,
      starters,
    ] = await Promise.all([
      engine.variables('period', key),
      engine.variables('units', key),
      engine.variables(profile.dueDateVariable, key),
      engine.variables(profile.collectionVariable, key),
      engine.elementInstances(key, profile.unitScope),
      engine.variables('unit', key),
      engine.variables('daGui', key),
      engine.variables('quaHan', key),
      engine.variables('traLaiBoi', key),
      engine.userTasks(key),
      this.deps.records.reportsOfInstance(key),
      this.deps.records.documentsOfInstance(key),
      this.deps.records.startersOf([key]),
    ]);

    const unitList = unitsOf(rootValue(units, key));
    const byGroup = new Map<string, string>();
    for (const unit of unitList) {
      byGroup.set(unit.group, unit.code);
      byGroup.set(unit.headGroup, unit.code);
    }
    const scopeOfUnit = new Map<string, string>();
    for (const v of unitVars) {
      const code = text((v.value as { code?: unknown } | null)?.code);
      if (code && v.scopeKey !== key) scopeOfUnit.set(code, v.scopeKey);
    }
    const innerScopes = new Map(
      scopes.filter((s) => s.type !== 'MULTI_INSTANCE_BODY').map((s) => [s.elementInstanceKey, s]),
    );
    const body = scopes.find((s) => s.type === 'MULTI_INSTANCE_BODY');
    const collectionClosed =
      (body !== undefined && body.state !== 'ACTIVE') || (instance.state !== 'ACTIVE' && unitList.length > 0);

    const tasksOfUnit = await this.assignTasks(profile, tasks, byGroup);
    const reportOf = new Map(reports.map((r) => [r.unitCode, r]));
    const scopeValue = (vars: EngineVariable[], scopeKey: string | undefined) =>
      scopeKey ? vars.find((v) => v.scopeKey === scopeKey)?.value : undefined;
    const dueDate = text(rootValue(due, key)) || null;
    const now = this.deps.clock.now().toISOString();

    const derived = unitList.map((unit) => {
      const scopeKey = scopeOfUnit.get(unit.code);
      const scope = scopeKey ? innerScopes.get(scopeKey) : undefined;
      const record = reportOf.get(unit.code);
      const facts: UnitFacts = {
        scope: scope ? { state: scope.state, startDate: scope.startDate, endDate: scope.endDate } : null,
        tasks: tasksOfUnit.get(unit.code) ?? [],
        record: record
          ? { acceptedAt: new Date(record.acceptedAt).toISOString(), late: record.quaHan }
          : null,
        variables: {
          daGui: scopeValue(daGui, scopeKey),
          quaHan: scopeValue(quaHan, scopeKey),
          traLaiBoi: scopeValue(traLaiBoi, scopeKey),
        },
      };
      return { unit, status: deriveUnitStatus(profile, facts, { now, dueDate, collectionClosed }) };
    });

    const pressing = await this.pressingIssues(profile, key, derived, reportOf, scopeOfUnit);
    const holders = derived.map((d) => d.status.openTask?.assignee).filter((a): a is string => !!a);
    const groupName = await this.groupNamer(
      unitList,
      derived.flatMap((d) => d.status.openTask?.candidateGroups ?? []),
    );
    const names = holders.length > 0 ? await this.deps.fullNamesOf(holders) : new Map<string, string>();
    const totals = emptyTotals();
    const rows: UnitStatusRow[] = derived.map(({ unit, status }) => {
      totals[status.status] += 1;
      const task = status.openTask;
      return {
        unitCode: unit.code,
        unitName: unit.name,
        unitKind: unit.kind,
        status: status.status,
        stage: status.stage,
        late: status.late,
        returnedBy: status.returnedBy,
        holder: task
          ? {
              username: task.assignee,
              fullName: task.assignee ? (names.get(task.assignee) ?? task.assignee) : null,
              groups: task.candidateGroups,
              groupNames: task.candidateGroups.map(groupName),
            }
          : null,
        openTaskKey: task?.userTaskKey ?? null,
        openedAt: status.openedAt,
        submittedAt: status.submittedAt,
        acceptedAt: status.acceptedAt,
        dueDate,
        pressingIssue: pressing.get(unit.code) ?? null,
        hasReport: status.stage === 'submitted' || status.stage === 'accepted',
      };
    });
    rows.sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        a.unitName.localeCompare(b.unitName, 'vi'),
    );
    return {
      profile,
      scopeOfUnit,
      reports: reportOf,
      dashboard: {
        period: summaryOf(instance, rootValue(period, key), starters.get(key) ?? null),
        dueDate,
        collectionDeadline: text(rootValue(collection, key)) || null,
        totals,
        unitCount: rows.length,
        rows,
        pressingIssues: rows
          .filter((r) => r.pressingIssue)
          .map((r) => ({ unitCode: r.unitCode, unitName: r.unitName, text: r.pressingIssue ?? '' })),
        documents,
      },
    };
  }

  /** Names for candidate groups: the period's units and their heads, and the Bloc bodies by their code. */
  private async groupNamer(units: UnitRef[], groups: string[]): Promise<(group: string) => string> {
    const names = new Map<string, string>();
    for (const unit of units) {
      names.set(unit.group, unit.name);
      names.set(unit.headGroup, `Lãnh đạo ${unit.name}`);
    }
    for (const group of new Set(groups)) {
      if (names.has(group) || group.includes(':')) continue;
      const name = await this.deps.unitNameOf(group);
      if (name) names.set(group, name);
    }
    return (group) => names.get(group) ?? group;
  }

  /**
   * Each task to its unit: the drafter's and the head's tasks by their candidate group (`unit.group`,
   * `unit.headGroup`); a reviewer's task, offered to the reviewing body, by the `unit` it sees (remembered per task).
   */
  private async assignTasks(
    profile: PeriodProfile,
    tasks: UnitTaskFact[],
    byGroup: Map<string, string>,
  ): Promise<Map<string, UnitTaskFact[]>> {
    const reviewing = new Set([profile.reviewTask, profile.lateReviewTask].filter(Boolean));
    const relevant = new Set([profile.draftTask, profile.headTask, ...reviewing].filter(Boolean));
    const ofUnit = new Map<string, UnitTaskFact[]>();
    const add = (code: string | null, task: UnitTaskFact) => {
      if (!code) return;
      const list = ofUnit.get(code) ?? [];
      list.push(task);
      ofUnit.set(code, list);
    };
    const needLookup: UnitTaskFact[] = [];
    for (const task of tasks) {
      if (!relevant.has(task.elementId)) continue;
      const byItsGroup = task.candidateGroups.map((g) => byGroup.get(g)).find(Boolean);
      if (!reviewing.has(task.elementId) && byItsGroup) add(byItsGroup, task);
      else needLookup.push(task);
    }
    const codes = await limited(needLookup, 8, (task) =>
      this.deps.engine.unitOfTask(task.userTaskKey, task.state === 'COMPLETED' || task.state === 'CANCELED'),
    );
    needLookup.forEach((task, i) => add(codes[i] ?? null, task));
    return ofUnit;
  }

  /** "Vấn đề nổi cộm, bức xúc" in what units sent: the filed report, or the one awaiting review in the engine. */
  private async pressingIssues(
    profile: PeriodProfile,
    key: string,
    derived: { unit: UnitRef; status: { stage: UnitStatusCode } }[],
    reports: Map<string, StoredReport>,
    scopeOfUnit: Map<string, string>,
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const keys = profile.pressingIssue;
    if (!keys) return found;
    const sent = derived.filter((d) => d.status.stage === 'submitted' || d.status.stage === 'accepted');
    const fromEngine = sent.filter((d) => !reports.has(d.unit.code));
    const drafts = fromEngine.length > 0 ? await this.deps.engine.variables('baoCao', key) : [];
    for (const { unit } of sent) {
      const report =
        reports.get(unit.code)?.baoCao ??
        (drafts.find((v) => v.scopeKey === scopeOfUnit.get(unit.code))?.value as Record<
          string,
          unknown
        > | null);
      if (report && report[keys.flag] === true) found.set(unit.code, text(report[keys.text]) || '—');
    }
    return found;
  }

  /** A unit's sent report, read only: the filed one, else the one awaiting review. */
  async report(
    computed: ComputedPeriod,
    unitCode: string,
  ): Promise<{ row: UnitStatusRow; data: Record<string, unknown> }> {
    const row = computed.dashboard.rows.find((r) => r.unitCode === unitCode);
    if (!row?.hasReport) throw notFound('Đơn vị này chưa gửi báo cáo.');
    const filed = computed.reports.get(unitCode)?.baoCao;
    if (filed) return { row, data: filed };
    const scopeKey = computed.scopeOfUnit.get(unitCode);
    const variable = (await this.deps.engine.variables('baoCao', computed.dashboard.period.id)).find(
      (v) => v.scopeKey === scopeKey,
    );
    if (!variable || typeof variable.value !== 'object' || variable.value === null)
      throw notFound('Đơn vị này chưa gửi báo cáo.');
    return { row, data: variable.value as Record<string, unknown> };
  }
}
