import { LRUCache } from 'lru-cache';
import type { Clock } from '../../lib/clock.js';
import {
  compileForm,
  fileFieldValues,
  validateSubmission,
  type CompiledForm,
  type FormErrorCode,
  type FormJsSchema,
} from '../forms/index.js';
import {
  alreadyClaimed,
  changeNotVisibleYet,
  claimedByOther,
  draftTooLarge,
  invalidSubmission,
  notClaimed,
  notYourGroup,
  taskClosed,
  taskNotFound,
  taskUpdating,
} from './inbox.errors.js';
import { businessContextOf, CONTEXT_VARIABLES, type BusinessContext } from './business-context.js';
import type { CommentStore } from './comment.store.js';
import type { InboxAction, InboxStore } from './inbox.store.js';
import { compareTasks, engineFilterOf, engineSortOf } from './inbox-query.js';
import type { InboxPage, InboxQuery, TaskDetail, TaskSummary } from '../../shared/contracts/index.js';
import { canClaim, canSee, holds, isOpenToGroupsOf, type TaskTaker } from './task-access.js';
import { chainOf, scopeOf, type TaskScope } from './task-scope.js';
import type { SubmissionAttachments } from './submission-attachments.port.js';

/** The largest draft kept (its JSON text); a form's text fields together stay far below it. */
export const DRAFT_MAX_BYTES = 256 * 1024;

/** What a draft may not have even half-filled: keys the form lacks, values of the wrong type, not an object. */
const DRAFT_SHAPE_ERRORS: ReadonlySet<FormErrorCode> = new Set([
  'FORM_UNKNOWN_FIELD',
  'FORM_TYPE',
  'FORM_INVALID',
]);

/** The first key of a field path (`g.z` → `g`, `l[0].x` → `l`). */
const topKeyOf = (field: string): string => field.split(/[.[]/)[0] ?? field;

/**
 * How long a claim, release or completion waits for the engine's searches to show it. Camunda's are eventually
 * consistent (typically 1–5 s behind); answering before the change shows would let the page show the old state.
 */
export const VISIBILITY_WAIT_MS = 10_000;

/** The process whose tasks and variables are personnel data (processes/README.md). */
export const PERSONNEL_PROCESS_ID = 'y-kien-nhan-su';
import {
  EngineRefusal,
  isOpenState,
  isSettled,
  type EngineTask,
  type TaskEngine,
  type TaskForm,
  type TaskSearch,
} from './task-engine.port.js';

const actionLabels: Record<InboxAction, string> = {
  claim: 'Nhận việc',
  unclaim: 'Hủy nhận việc',
  draft: 'Lưu nháp',
  complete: 'Hoàn thành',
};

/** Full names by username (the organisation's users); the engine knows only usernames. */
export interface PeopleDirectory {
  fullNamesOf(usernames: readonly string[]): Promise<Map<string, string>>;
}

function summaryOf(
  task: EngineTask,
  processName = task.processDefinitionId,
  names: ReadonlyMap<string, string> = new Map(),
): TaskSummary {
  return {
    id: task.key,
    name: task.name,
    processId: task.processDefinitionId,
    processName,
    unitName: '',
    period: '',
    returned: false,
    updating: isOpenState(task.state) && !isSettled(task),
    createdAt: task.creationDate,
    dueDate: task.dueDate,
    priority: task.priority,
    assignee: task.assignee,
    assigneeName: task.assignee === null ? null : (names.get(task.assignee) ?? task.assignee),
  };
}

/** The inbox: every task action checks the user against the task's assignee and candidate groups first. */
export class InboxService {
  private readonly compiledForms = new Map<string, CompiledForm>();
  /**
   * The unit and period of each listed task. A task's unit and period are fixed when it is created (processes/
   * README.md), so they are read from the engine once per task, not at every refresh of every inbox.
   */
  private readonly contexts = new LRUCache<string, BusinessContext>({ max: 100_000 });

  constructor(
    private readonly engine: TaskEngine,
    private readonly store: InboxStore,
    private readonly clock: Clock,
    /** Comments shown with a task; none when not given. */
    private readonly comments?: CommentStore,
    /** Whose full names replace usernames; usernames are shown when not given. */
    private readonly people?: PeopleDirectory,
    private readonly visibilityWaitMs = VISIBILITY_WAIT_MS,
    /** Checks the files a form's file fields refer to; without it, a submission may carry no file reference. */
    private readonly attachments?: SubmissionAttachments,
    /** Values a task's form starts with when neither a variable nor a draft gives one (the settings' symbols). */
    private readonly suggestions?: (processId: string) => Promise<Record<string, string>>,
  ) {}

  /**
   * Tasks assigned to the user or open to one of their groups, filtered, sorted, one page, with counts per scope.
   * Each scope is one engine search that the engine filters, sorts and pages, so the cost does not grow with the
   * number of the user's tasks; "all" is the tasks open to their groups plus those assigned to them outside them.
   */
  async list(taker: TaskTaker, query: InboxQuery): Promise<InboxPage> {
    const base = engineFilterOf(query, this.clock.now());
    const sort = engineSortOf(query.sort);
    const window = { from: (query.page - 1) * query.pageSize, limit: query.pageSize };
    const countOnly = { sort: [], page: { from: 0, limit: 1 } };
    const groups = [...taker.groups];
    const none = Promise.resolve({ items: [] as EngineTask[], total: 0, totalIsLowerBound: false });
    const search = (filter: TaskSearch['filter'], paged: boolean) =>
      this.engine.searchOpen({
        filter: { ...base, ...filter },
        ...(paged ? { sort, page: window } : countOnly),
      });
    const inGroups = { candidateGroup: { $in: groups } };
    const [mine, unclaimed, openToGroups, mineElsewhere, processes] = await Promise.all([
      search({ assignee: taker.username }, query.scope === 'mine'),
      groups.length
        ? search({ ...inGroups, assignee: { $exists: false } }, query.scope === 'unclaimed')
        : none,
      groups.length ? search(inGroups, query.scope === 'all') : none,
      search(
        { assignee: taker.username, ...(groups.length ? { candidateGroup: { $notIn: groups } } : {}) },
        false,
      ),
      this.engine.processes().catch(() => []),
    ]);
    let page = { mine, unclaimed, all: openToGroups }[query.scope].items;
    if (query.scope === 'all' && mineElsewhere.total > 0) {
      // Rare: tasks assigned to the user outside their groups; both lists up to this page are merged.
      const upTo = { from: 0, limit: window.from + window.limit };
      const [ownGroups, elsewhere] = await Promise.all([
        groups.length ? this.engine.searchOpen({ filter: { ...base, ...inGroups }, sort, page: upTo }) : none,
        this.engine.searchOpen({
          filter: {
            ...base,
            assignee: taker.username,
            ...(groups.length ? { candidateGroup: { $notIn: groups } } : {}),
          },
          sort,
          page: upTo,
        }),
      ]);
      page = [...ownGroups.items, ...elsewhere.items]
        .sort(compareTasks(query.sort))
        .slice(window.from, window.from + window.limit);
    }
    const [names, assignees, contexts] = await Promise.all([
      this.processNames(page),
      this.assigneeNames(page),
      // The unit and period of the shown page only, each task's read from the engine once.
      Promise.all(page.map((task) => this.contextOf(task.key))),
    ]);
    const all = openToGroups.total + mineElsewhere.total;
    const capped = {
      mine: mine.totalIsLowerBound,
      unclaimed: unclaimed.totalIsLowerBound,
      all: openToGroups.totalIsLowerBound || mineElsewhere.totalIsLowerBound,
    };
    return {
      items: page.map((task, index) => ({
        ...summaryOf(task, names.get(task.processDefinitionKey), assignees),
        ...contexts[index],
      })),
      total: { mine: mine.total, unclaimed: unclaimed.total, all }[query.scope],
      totalIsLowerBound: capped[query.scope],
      counts: { mine: mine.total, unclaimed: unclaimed.total, all },
      countIsLowerBound: capped,
      processes: [...processes].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    };
  }

  /** One task as the user may see it; `seen` is told which task it was (the route audits personnel reads). */
  async get(taker: TaskTaker, key: string, seen?: (task: EngineTask) => void): Promise<TaskDetail> {
    const task = await this.visibleTask(taker, key);
    seen?.(task);
    const variables = await this.engine.variables(key);
    const scope = scopeOf(task, variables, taker);
    const [form, draft, history, definition, comments, assignees] = await Promise.all([
      this.engine.form(key),
      this.store.draftOf(key, taker.username),
      this.store.historyOf(task.processInstanceKey, scope),
      this.engine.definition(task.processDefinitionKey),
      this.comments?.page(task.processInstanceKey, scope) ?? Promise.resolve({ items: [], next: null }),
      this.assigneeNames([task]),
    ]);
    return {
      ...summaryOf(task, definition?.name || undefined, assignees),
      ...this.contextOfDetail(task, variables),
      form: form?.schema ?? { type: 'default', components: [] },
      data: {
        ...(await this.suggested(task.processDefinitionId, form?.schema.components)),
        ...variables,
        ...(draft?.data ?? {}),
      },
      draftSavedAt: draft ? draft.savedAt.toISOString() : null,
      open: isOpenState(task.state),
      canClaim: canClaim(task, taker),
      canComplete: holds(task, taker),
      diagram: definition ? { bpmnXml: definition.xml, activeElementId: task.elementId } : null,
      history: history.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actorName ?? entry.actor,
        action: actionLabels[entry.action],
        step: entry.stepName ?? '',
      })),
      comments: comments.items.map((comment) => ({
        at: comment.at.toISOString(),
        author: comment.authorName,
        text: comment.text,
      })),
      commentsNext: comments.next,
      processInstanceKey: task.processInstanceKey,
    };
  }

  async claim(taker: TaskTaker, key: string): Promise<void> {
    const task = await this.visibleTask(taker, key);
    if (!isOpenToGroupsOf(task, taker)) throw notYourGroup();
    if (task.assignee === taker.username) return;
    if (task.assignee !== null) throw alreadyClaimed();
    await this.engineCall(() => this.engine.assign(key, taker.username), alreadyClaimed);
    await this.audit(taker, task, 'claim');
    await this.untilVisible(key, (seen) => seen?.assignee === taker.username && isSettled(seen));
  }

  async unclaim(taker: TaskTaker, key: string): Promise<void> {
    const task = await this.heldTask(taker, key);
    await this.engineCall(() => this.engine.unassign(key), taskClosed);
    await this.audit(taker, task, 'unclaim');
    await this.untilVisible(key, (seen) => !seen || seen.assignee === null || !isOpenState(seen.state));
  }

  /** Waits (bounded) until the engine's reads show a change this app made; 503 with a clear message if they never do. */
  private async untilVisible(key: string, shows: (task: EngineTask | null) => boolean): Promise<void> {
    if (!shows(await this.engine.getWhen(key, shows, this.visibilityWaitMs))) throw changeNotVisibleYet();
  }

  /**
   * Keeps the form as a draft. A draft may be incomplete (required fields empty, limits not met yet) but must have the
   * form's shape: a key the form does not have, or a value of the wrong type, is refused (422 per field); so is a draft
   * larger than DRAFT_MAX_BYTES (413).
   */
  async saveDraft(
    taker: TaskTaker,
    key: string,
    data: Record<string, unknown>,
  ): Promise<{ savedAt: string }> {
    const task = await this.heldTask(taker, key);
    if (Buffer.byteLength(JSON.stringify(data)) > DRAFT_MAX_BYTES) throw draftTooLarge();
    const [form, variables] = await Promise.all([this.engine.form(key), this.engine.variables(key)]);
    // form-js hands back the task's variables with the form's values: those are known, not kept (the task has them).
    const isVariable = (field: string): boolean => Object.hasOwn(variables, topKeyOf(field));
    const errors = form
      ? (() => {
          const result = validateSubmission(this.compiled(form), data, variables, { now: this.clock.now() });
          return result.ok ? [] : result.errors.filter((error) => DRAFT_SHAPE_ERRORS.has(error.code));
        })()
      : Object.keys(data).map((field) => ({
          field,
          code: 'FORM_UNKNOWN_FIELD' as const,
          message: 'Công việc này không có trường này.',
        }));
    const copied = errors.filter((error) => error.code === 'FORM_UNKNOWN_FIELD' && isVariable(error.field));
    const misshapen = errors.filter((error) => !copied.includes(error));
    if (misshapen.length > 0)
      throw invalidSubmission(misshapen.map(({ field, message }) => ({ field, message })));
    const kept = Object.fromEntries(
      Object.entries(data).filter(([name]) => !copied.some((error) => topKeyOf(error.field) === name)),
    );
    const savedAt = this.clock.now();
    await this.store.saveDraft(key, taker.username, kept, savedAt);
    await this.audit(taker, task, 'draft');
    return { savedAt: savedAt.toISOString() };
  }

  /** Validates the data against the task's form on the server, then completes the task with the accepted values. */
  async complete(taker: TaskTaker, key: string, data: Record<string, unknown>): Promise<void> {
    const task = await this.heldTask(taker, key);
    const [form, variables] = await Promise.all([this.engine.form(key), this.engine.variables(key)]);
    let accepted: Record<string, unknown> = {};
    let fileIds: string[] = [];
    if (form) {
      const result = validateSubmission(this.compiled(form), data, variables, { now: this.clock.now() });
      if (!result.ok)
        throw invalidSubmission(result.errors.map(({ field, message }) => ({ field, message })));
      accepted = result.value;
      const files = await this.checkFiles(taker, task, form, accepted, variables);
      accepted = files.values;
      fileIds = files.fileIds;
    }
    await this.engineCall(() => this.engine.complete(key, accepted), taskClosed);
    await this.attachments?.submitted(fileIds);
    await this.store.dropDrafts(key);
    await this.audit(taker, task, 'complete');
    await this.untilVisible(key, (seen) => !seen || !isOpenState(seen.state));
  }

  /** The file fields' references checked (422 per field when one is not the submitter's upload for this task). */
  private async checkFiles(
    taker: TaskTaker,
    task: EngineTask,
    form: TaskForm,
    accepted: Record<string, unknown>,
    variables: Record<string, unknown>,
  ): Promise<{ values: Record<string, unknown>; fileIds: string[] }> {
    const schema = form.schema as unknown as FormJsSchema;
    if (this.attachments) {
      const checked = await this.attachments.check(taker, task, schema, accepted, variables);
      if (checked.errors.length > 0) throw invalidSubmission(checked.errors);
      return checked;
    }
    const referring = fileFieldValues(schema, accepted).filter(
      ({ value }) => Array.isArray(value) && value.length > 0,
    );
    if (referring.length > 0)
      throw invalidSubmission(
        referring.map(({ field }) => ({ field, message: 'Máy chủ này không nhận tệp đính kèm.' })),
      );
    return { values: accepted, fileIds: [] };
  }

  /** Reads a task's unit and period ahead of any list that shows it; true when it was not known yet. */
  async prefetchContext(key: string): Promise<boolean> {
    if (this.contexts.has(key)) return false;
    await this.contextOf(key);
    return true;
  }

  /** The suggestions for the fields the form has at its top level ("Số, ký hiệu": "-BC/ĐUK"). */
  private async suggested(
    processId: string,
    components: readonly { key?: unknown }[] | undefined,
  ): Promise<Record<string, string>> {
    const keys = new Set((components ?? []).map((component) => component.key));
    if (!this.suggestions || keys.size === 0) return {};
    const all = await this.suggestions(processId);
    return Object.fromEntries(Object.entries(all).filter(([key]) => keys.has(key)));
  }

  /**
   * An open task's context from its variables (kept for the lists); a completed task's variables are gone with its
   * scope, so it keeps the context it was listed or opened with.
   */
  private contextOfDetail(task: EngineTask, variables: Record<string, unknown>): BusinessContext {
    const read = businessContextOf(variables);
    if (read.unitName || read.period) {
      this.contexts.set(task.key, read);
      return read;
    }
    return this.contexts.get(task.key) ?? read;
  }

  private async contextOf(key: string): Promise<BusinessContext> {
    const kept = this.contexts.get(key);
    if (kept) return kept;
    try {
      // Another replica (or the context warmer) may have read it already: the database answers by _id, cheaply.
      const shared = await this.store.contextOf(key);
      if (shared) {
        this.contexts.set(key, shared);
        return shared;
      }
      const context = businessContextOf(await this.engine.variables(key, CONTEXT_VARIABLES));
      this.contexts.set(key, context);
      // An empty one may be a read ahead of the engine's searches (Camunda's lag): not shared, read again elsewhere.
      if (context.unitName || context.period) await this.store.keepContext(key, context);
      return context;
    } catch {
      // Shown without its context rather than not at all; asked again next time.
      return { unitName: '', period: '', returned: false };
    }
  }

  /** A form compiled once per form key (a deployed form's key never changes its content). */
  private compiled(form: TaskForm): CompiledForm {
    let found = this.compiledForms.get(form.formKey);
    if (!found) {
      found = compileForm(form.schema as unknown as FormJsSchema);
      if (this.compiledForms.size >= 500) this.compiledForms.clear();
      if (form.formKey) this.compiledForms.set(form.formKey, found);
    }
    return found;
  }

  private async assigneeNames(tasks: readonly EngineTask[]): Promise<Map<string, string>> {
    const usernames = tasks.flatMap((task) => (task.assignee === null ? [] : [task.assignee]));
    if (!this.people || usernames.length === 0) return new Map();
    return this.people.fullNamesOf(usernames).catch(() => new Map<string, string>());
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

  /** The task when the user may see it, with what of its instance they may see; 404 otherwise. */
  async visible(taker: TaskTaker, key: string): Promise<{ task: EngineTask; scope: TaskScope }> {
    const task = await this.visibleTask(taker, key);
    return { task, scope: scopeOf(task, await this.engine.variables(key, ['unit']), taker) };
  }

  /** Whether the process is one whose data is personnel data (its reads are audited). */
  isPersonnel(task: EngineTask): boolean {
    return task.processDefinitionId === PERSONNEL_PROCESS_ID;
  }

  /**
   * The task when the user may see it. One existence rule: a task they may not see is answered exactly like one that
   * does not exist (404), so its existence is not disclosed.
   */
  async visibleTask(taker: TaskTaker, key: string): Promise<EngineTask> {
    const task = await this.engine.get(key);
    if (!task || !canSee(task, taker)) throw taskNotFound();
    return task;
  }

  /** The task, held by this user and still open: 404 when not theirs to see, 403 held by another, 409 otherwise. */
  private async heldTask(taker: TaskTaker, key: string): Promise<EngineTask> {
    const task = await this.visibleTask(taker, key);
    if (!isOpenState(task.state)) throw taskClosed();
    if (!isSettled(task)) throw taskUpdating();
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
    const variables = await this.engine.variables(task.key, ['unit']).catch(() => ({}));
    await this.store.record({
      chain: chainOf(task, variables),
      at: this.clock.now(),
      actor: taker.username,
      actorName: taker.fullName ?? taker.username,
      action,
      taskKey: task.key,
      stepName: task.name,
      processInstanceKey: task.processInstanceKey,
    });
  }
}
