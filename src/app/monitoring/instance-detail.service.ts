import { elementNamesOf } from './element-names.js';
import type { Connection } from 'mongoose';
import type { HistoryLine, InstanceDetail, VariableView } from '../../shared/contracts/index.js';
import { AppError } from '../../lib/errors.js';
import type { AdminAuditStore } from '../audit/index.js';
import { actsOn, isRestricted, readsPersonnelData, watches, type Watcher } from './monitor-access.js';
import type { EngineInstance, EngineVariable, MonitorEngine } from './monitor-engine.js';
import { countOf, rowOf } from './instance-list.service.js';

/** Longer values are cut for reading; the page says so (Camunda itself truncates long values in searches). */
const MAX_SHOWN = 4_000;

/**
 * One answer for "no such instance", "not yet in the engine's searches" and "not yours to watch", so the answer tells
 * nobody that an instance they may not watch exists. Camunda's reads lag its broker by seconds: a just-started
 * instance is not found yet, and the message says so rather than leaving the user to think it was lost.
 */
export const instanceNotFound = (): AppError =>
  new AppError(
    404,
    'instance_not_found',
    'Không tìm thấy hồ sơ này hoặc bạn không được theo dõi hồ sơ này. Hồ sơ vừa khởi tạo có thể cần vài giây mới hiện ra.',
  );
const mayNotAct = (): AppError =>
  new AppError(
    403,
    'monitor_forbidden',
    'Bạn chỉ được xem, không được thao tác trên hồ sơ của quy trình này.',
  );
const notRunning = (): AppError =>
  new AppError(409, 'instance_not_running', 'Hồ sơ đã kết thúc hoặc đã bị hủy.');

export interface PeopleNames {
  fullNamesOf(usernames: readonly string[]): Promise<Map<string, string>>;
}

interface InboxEvent {
  at: Date;
  actor: string;
  actorName?: string;
  action: string;
  taskKey: string;
}

export function variableView(variable: EngineVariable): VariableView {
  if (variable.isTruncated) return { name: variable.name, text: variable.value, truncated: true };
  let text: string;
  try {
    text = JSON.stringify(JSON.parse(variable.value), null, 2);
  } catch {
    text = variable.value;
  }
  return text.length > MAX_SHOWN
    ? { name: variable.name, text: text.slice(0, MAX_SHOWN), truncated: true }
    : { name: variable.name, text, truncated: false };
}

function unitCodeOf(variables: EngineVariable[]): string | undefined {
  const unit = variables.find((variable) => variable.name === 'unit');
  if (!unit) return undefined;
  try {
    const parsed = JSON.parse(unit.value) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The element counts with every open incident on its element: under Camunda 8.8 the statistics and the incident
 * search are exported apart, and the diagram must not leave unmarked an incident the page lists below it.
 */
function withIncidents(
  counts: ReturnType<typeof countOf>[],
  incidents: readonly { elementId: string }[],
): ReturnType<typeof countOf>[] {
  const open = new Map<string, number>();
  for (const incident of incidents) open.set(incident.elementId, (open.get(incident.elementId) ?? 0) + 1);
  const merged = counts.map((count) => ({
    ...count,
    incidents: Math.max(count.incidents, open.get(count.elementId) ?? 0),
  }));
  for (const [elementId, number] of open)
    if (!merged.some((count) => count.elementId === elementId))
      merged.push({ elementId, active: 0, completed: 0, canceled: 0, incidents: number });
  return merged;
}

export class InstanceDetailService {
  constructor(
    private readonly engine: MonitorEngine,
    private readonly connection: Connection,
    private readonly audit: AdminAuditStore,
    private readonly people: PeopleNames,
  ) {}

  /** The instance, if the user watches its process; otherwise as unknown (no hint that it exists). */
  async watched(watcher: Watcher, key: string): Promise<EngineInstance> {
    const instance = await this.engine.instance(key).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw instanceNotFound();
      throw error;
    });
    if (!watches(watcher, instance.processDefinitionId)) throw instanceNotFound();
    return instance;
  }

  /**
   * Whether the watcher may read the instance's data (its variables, the files attached in it): 404 when they do not
   * watch it; for a personnel instance only its readers (readsPersonnelData), as for its variables.
   */
  async dataAccess(watcher: Watcher, key: string): Promise<{ readable: boolean; personnel: boolean }> {
    const instance = await this.watched(watcher, key);
    const processId = instance.processDefinitionId;
    if (!isRestricted(processId)) return { readable: true, personnel: false };
    const variables = await this.engine.variables(key);
    return { readable: readsPersonnelData(watcher, unitCodeOf(variables), processId), personnel: true };
  }

  /** `onPersonnelRead` is called when personnel data is about to be shown, so the read is audited. */
  async detail(watcher: Watcher, key: string, onPersonnelRead: () => void): Promise<InstanceDetail> {
    const instance = await this.watched(watcher, key);
    const [bpmnXml, elements, flows, incidents, history, variables, actions] = await Promise.all([
      this.engine.definitionXml(String(instance.processDefinitionKey)),
      this.engine.instanceStatistics(key),
      this.engine.sequenceFlows(key),
      this.engine.incidents(key),
      this.history(key),
      this.engine.variables(key),
      this.audit.page(1, 100, { target: key, action: 'monitor' }),
    ]);
    const historyNames = new Map(history.map((line) => [line.elementId, line.elementName]));
    const diagramNames = await elementNamesOf(bpmnXml);
    const nameOf = (elementId: string) =>
      diagramNames.get(elementId) ?? historyNames.get(elementId) ?? elementId;
    let shown: VariableView[] | null = variables.map(variableView);
    if (isRestricted(instance.processDefinitionId)) {
      if (readsPersonnelData(watcher, unitCodeOf(variables), instance.processDefinitionId)) onPersonnelRead();
      else shown = null;
    }
    return {
      instance: rowOf(instance),
      bpmnXml,
      elements: withIncidents(elements.map(countOf), incidents),
      flows,
      incidents: incidents.map((incident) => ({
        key: String(incident.incidentKey),
        elementId: incident.elementId,
        elementName: nameOf(incident.elementId),
        errorType: incident.errorType,
        message: incident.errorMessage,
        createdAt: incident.creationTime,
        jobKey: incident.jobKey ? String(incident.jobKey) : null,
      })),
      variables: shown,
      history,
      actions: actions.items.map((entry) => ({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        detail: entry.detail.reason ?? entry.detail.names ?? entry.detail.incident ?? '',
      })),
      mayAct: actsOn(watcher, instance.processDefinitionId),
    };
  }

  /** Element instances in order, with who held each user task and what the inbox recorded about it. */
  private async history(key: string): Promise<HistoryLine[]> {
    const [elements, tasks, events] = await Promise.all([
      this.engine.elementInstances(key),
      this.engine.userTasks(key),
      this.connection
        .collection<InboxEvent>('inbox_audit')
        .find({ processInstanceKey: key }, { projection: { _id: 0 } })
        .sort({ at: 1 })
        .limit(500)
        .toArray(),
    ]);
    const taskOfElement = new Map(tasks.map((task) => [String(task.elementInstanceKey), task]));
    const names = await this.people.fullNamesOf(
      tasks.flatMap((task) => (task.assignee ? [task.assignee] : [])),
    );
    return elements.map((element) => {
      const task = taskOfElement.get(String(element.elementInstanceKey));
      const taskKey = task ? String(task.userTaskKey) : undefined;
      return {
        elementId: element.elementId,
        elementName: element.elementName ?? element.elementId,
        type: element.type,
        state: element.state,
        startDate: element.startDate,
        endDate: element.endDate ?? null,
        assignee: task?.assignee ? (names.get(task.assignee) ?? task.assignee) : null,
        events: events
          .filter((event) => taskKey !== undefined && event.taskKey === taskKey && event.action !== 'draft')
          .map((event) => ({
            at: new Date(event.at).toISOString(),
            actor: event.actorName ?? event.actor,
            action: event.action,
          })),
      };
    });
  }

  async retry(watcher: Watcher, key: string, incidentKey: string): Promise<void> {
    await this.acted(watcher, key);
    const incident = await this.engine.incident(incidentKey);
    if (String(incident.processInstanceKey) !== key || incident.state !== 'ACTIVE')
      throw new AppError(404, 'incident_not_found', 'Không tìm thấy sự cố đang mở này trong hồ sơ.');
    // A job's incident comes back only when the job has retries again (as Operate does: one more try).
    if (incident.jobKey) await this.engine.retryJob(String(incident.jobKey), 1);
    await this.engine.resolveIncident(incidentKey);
  }

  async cancel(watcher: Watcher, key: string): Promise<void> {
    await this.acted(watcher, key);
    await this.engine.cancel(key);
  }

  async setVariables(watcher: Watcher, key: string, variables: Record<string, unknown>): Promise<void> {
    const instance = await this.acted(watcher, key);
    if (isRestricted(instance.processDefinitionId)) {
      const current = await this.engine.variables(key);
      if (!readsPersonnelData(watcher, unitCodeOf(current), instance.processDefinitionId)) throw mayNotAct();
    }
    await this.engine.setVariables(key, variables);
  }

  private async acted(watcher: Watcher, key: string): Promise<EngineInstance> {
    const instance = await this.watched(watcher, key);
    if (!actsOn(watcher, instance.processDefinitionId)) throw mayNotAct();
    if (instance.state !== 'ACTIVE') throw notRunning();
    return instance;
  }
}
