import type { Clock } from '../../lib/clock.js';
import { compileForm, validateSubmission, type FormJsSchema } from '../forms/index.js';
import {
  alreadyClaimed,
  claimedByOther,
  invalidSubmission,
  notClaimed,
  notYourGroup,
  taskClosed,
  taskNotFound,
} from './inbox.errors.js';
import { businessContextOf } from './business-context.js';
import type { CommentStore } from './comment.store.js';
import type { InboxAction, InboxStore } from './inbox.store.js';
import { compareTasks, matchesFilters } from './inbox-query.js';
import type { InboxPage, InboxQuery, InboxScope, TaskDetail, TaskSummary } from './inbox.types.js';
import { canClaim, canSee, holds, isOpenToGroupsOf, type TaskTaker } from './task-access.js';
import { EngineRefusal, type EngineTask, type TaskEngine } from './task-engine.port.js';

const actionLabels: Record<InboxAction, string> = {
  claim: 'Nhận việc',
  unclaim: 'Trả lại việc',
  draft: 'Lưu nháp',
  complete: 'Hoàn thành',
};

function summaryOf(task: EngineTask, processName = task.processDefinitionId): TaskSummary {
  return {
    id: task.key,
    name: task.name,
    processId: task.processDefinitionId,
    processName,
    unitName: '',
    period: '',
    createdAt: task.creationDate,
    dueDate: task.dueDate,
    priority: task.priority,
    assignee: task.assignee,
  };
}

/** The inbox: every task action checks the user against the task's assignee and candidate groups first. */
export class InboxService {
  constructor(
    private readonly engine: TaskEngine,
    private readonly store: InboxStore,
    private readonly clock: Clock,
    /** Comments shown with a task; none when not given. */
    private readonly comments?: CommentStore,
  ) {}

  /** Tasks assigned to the user or open to one of their groups, filtered, sorted, one page, with counts per scope. */
  async list(taker: TaskTaker, query: InboxQuery): Promise<InboxPage> {
    const batches = await Promise.all([
      this.engine.searchOpen({ assignee: taker.username }),
      ...taker.groups.map((candidateGroup) => this.engine.searchOpen({ candidateGroup })),
    ]);
    const visible = new Map<string, EngineTask>();
    for (const task of batches.flat()) if (canSee(task, taker)) visible.set(task.key, task);
    const now = this.clock.now();
    const filtered = [...visible.values()].filter((task) => matchesFilters(task, query, now));
    const inScope: Record<InboxScope, (task: EngineTask) => boolean> = {
      mine: (task) => task.assignee === taker.username,
      unclaimed: (task) => task.assignee === null && isOpenToGroupsOf(task, taker),
      all: () => true,
    };
    const chosen = filtered.filter(inScope[query.scope]).sort(compareTasks(query.sort));
    const start = (query.page - 1) * query.pageSize;
    const names = await this.processNames([...visible.values()]);
    const processes = [...new Set([...visible.values()].map((task) => task.processDefinitionId))].sort();
    const page = chosen.slice(start, start + query.pageSize);
    // The unit and period of the shown page only (one variables read per task on the page).
    const contexts = await Promise.all(
      page.map((task) =>
        this.engine.variables(task.key).then(businessContextOf, () => ({ unitName: '', period: '' })),
      ),
    );
    return {
      items: page.map((task, index) => ({
        ...summaryOf(task, names.get(task.processDefinitionKey)),
        ...contexts[index],
      })),
      total: chosen.length,
      counts: {
        mine: filtered.filter(inScope.mine).length,
        unclaimed: filtered.filter(inScope.unclaimed).length,
        all: filtered.length,
      },
      processes: processes.map((id) => ({
        id,
        name:
          names.get(
            [...visible.values()].find((task) => task.processDefinitionId === id)?.processDefinitionKey ?? '',
          ) ?? id,
      })),
    };
  }

  async get(taker: TaskTaker, key: string): Promise<TaskDetail> {
    const task = await this.visibleTask(taker, key);
    const [form, variables, draft, history, definition, comments] = await Promise.all([
      this.engine.form(key),
      this.engine.variables(key),
      this.store.draftOf(key, taker.username),
      this.store.historyOf(task.processInstanceKey),
      this.engine.definition(task.processDefinitionKey),
      this.comments?.of(task.processInstanceKey) ?? Promise.resolve([]),
    ]);
    return {
      ...summaryOf(task, definition?.name || undefined),
      ...businessContextOf(variables),
      form: form ?? { type: 'default', components: [] },
      data: { ...variables, ...(draft?.data ?? {}) },
      draftSavedAt: draft ? draft.savedAt.toISOString() : null,
      canClaim: canClaim(task, taker),
      canComplete: holds(task, taker),
      diagram: definition ? { bpmnXml: definition.xml, activeElementId: task.elementId } : null,
      history: history.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actorName ?? entry.actor,
        action: actionLabels[entry.action],
      })),
      comments: comments.map((comment) => ({
        at: comment.at.toISOString(),
        author: comment.authorName,
        text: comment.text,
      })),
    };
  }

  async claim(taker: TaskTaker, key: string): Promise<void> {
    const task = await this.visibleTask(taker, key);
    if (!isOpenToGroupsOf(task, taker)) throw notYourGroup();
    if (task.assignee === taker.username) return;
    if (task.assignee !== null) throw alreadyClaimed();
    await this.engineCall(() => this.engine.assign(key, taker.username), alreadyClaimed);
    await this.audit(taker, task, 'claim');
  }

  async unclaim(taker: TaskTaker, key: string): Promise<void> {
    const task = await this.heldTask(taker, key);
    await this.engineCall(() => this.engine.unassign(key), taskClosed);
    await this.audit(taker, task, 'unclaim');
  }

  async saveDraft(
    taker: TaskTaker,
    key: string,
    data: Record<string, unknown>,
  ): Promise<{ savedAt: string }> {
    const task = await this.heldTask(taker, key);
    const savedAt = this.clock.now();
    await this.store.saveDraft(key, taker.username, data, savedAt);
    await this.audit(taker, task, 'draft');
    return { savedAt: savedAt.toISOString() };
  }

  /** Validates the data against the task's form on the server, then completes the task with the accepted values. */
  async complete(taker: TaskTaker, key: string, data: Record<string, unknown>): Promise<void> {
    const task = await this.heldTask(taker, key);
    const [form, variables] = await Promise.all([this.engine.form(key), this.engine.variables(key)]);
    let accepted: Record<string, unknown> = {};
    if (form) {
      const result = validateSubmission(compileForm(form as unknown as FormJsSchema), data, variables);
      if (!result.ok)
        throw invalidSubmission(result.errors.map(({ field, message }) => ({ field, message })));
      accepted = result.value;
    }
    await this.engineCall(() => this.engine.complete(key, accepted), taskClosed);
    await this.store.dropDrafts(key);
    await this.audit(taker, task, 'complete');
  }

  /** Process names by definition key (the engine's definitions are cached by the adapter). */
  private async processNames(tasks: EngineTask[]): Promise<Map<string, string>> {
    const keys = [...new Set(tasks.map((task) => task.processDefinitionKey))];
    const found = await Promise.all(keys.map((key) => this.engine.definition(key).catch(() => null)));
    const names = new Map<string, string>();
    keys.forEach((key, index) => {
      const name = found[index]?.name;
      if (name) names.set(key, name);
    });
    return names;
  }

  /** The task when the user may see it: 404 when unknown, 403 outside their groups. */
  visible(taker: TaskTaker, key: string): Promise<EngineTask> {
    return this.visibleTask(taker, key);
  }

  private async visibleTask(taker: TaskTaker, key: string): Promise<EngineTask> {
    const task = await this.engine.get(key);
    if (!task) throw taskNotFound();
    if (!canSee(task, taker)) throw notYourGroup();
    return task;
  }

  /** The task, held by this user and still open: 403 outside their groups or held by another, 409 otherwise. */
  private async heldTask(taker: TaskTaker, key: string): Promise<EngineTask> {
    const task = await this.visibleTask(taker, key);
    if (task.state !== 'CREATED') throw taskClosed();
    if (task.assignee === null) throw notClaimed();
    if (task.assignee !== taker.username) throw claimedByOther();
    return task;
  }

  private async engineCall(call: () => Promise<void>, onConflict: () => Error): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (error instanceof EngineRefusal && (error.status === 409 || error.status === 404))
        throw onConflict();
      throw error;
    }
  }

  private async audit(taker: TaskTaker, task: EngineTask, action: InboxAction): Promise<void> {
    await this.store.record({
      at: this.clock.now(),
      actor: taker.username,
      actorName: taker.fullName ?? taker.username,
      action,
      taskKey: task.key,
      processInstanceKey: task.processInstanceKey,
    });
  }
}
