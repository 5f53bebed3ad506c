import { LRUCache } from 'lru-cache';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from './notifier.js';

/** The part of the Camunda REST v2 client this needs (the SDK's Orchestration Cluster API client has it). */
export interface UserTaskSearchClient {
  searchUserTasks(request: never, options: never): Promise<{ items: unknown[] }>;
}

interface OpenTask {
  userTaskKey: string;
  name?: string;
  candidateGroups?: string[];
  dueDate?: string;
  creationDate?: string;
  processInstanceKey?: string;
}

export interface TaskNotifierOptions {
  /** A task due within this many hours gets a "due date near" notice once. */
  dueSoonHours?: number;
  pageSize?: number;
}

function formatDue(iso: string): string {
  const vn = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${vn.slice(11, 16)} ngày ${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`;
}

/** Open tasks read per search; a tick reads at most this many pages of each kind. */
const PAGE = 500;
const PAGES_PER_TICK = 20;

/**
 * Tells the candidate groups of each open user task that it is there, and again when its due date is near. The engine
 * pushes nothing, so this polls the task search: new tasks by creation time from where the last poll stopped, and
 * tasks due soon by due date. Each notice is keyed by the task, so nothing is sent twice; the keys already handled
 * are remembered, so a poll does not ask the database again about tasks it has seen.
 */
export class TaskNotifier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  /** The latest creation time (epoch ms) of the tasks noticed so far. */
  private createdUpTo = 0;
  /** The end (epoch ms) of the due-date window already searched. */
  private dueUpTo = 0;
  private readonly handled = new LRUCache<string, true>({ max: 500_000 });

  constructor(
    private readonly rest: UserTaskSearchClient,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly options: TaskNotifierOptions = {},
  ) {}

  async tick(): Promise<number> {
    return (await this.newTasks()) + (await this.dueSoon());
  }

  private search(filter: Record<string, unknown>, field: string, from: number): Promise<OpenTask[]> {
    return this.rest
      .searchUserTasks(
        {
          filter: { state: 'CREATED', ...filter },
          sort: [{ field, order: 'ASC' }],
          page: { from, limit: this.options.pageSize ?? PAGE },
        } as never,
        { consistency: { waitUpToMs: 0 } } as never,
      )
      .then((found) => found.items as OpenTask[]);
  }

  private async newTasks(): Promise<number> {
    // From the latest creation time seen, that time included: many tasks share one millisecond (a multi-instance
    // creates them together), and those already handled are skipped in memory.
    const since = new Date(this.createdUpTo).toISOString();
    const size = this.options.pageSize ?? PAGE;
    let latest = this.createdUpTo;
    let sent = 0;
    for (let page = 0; page < PAGES_PER_TICK; page++) {
      const found = await this.search({ creationDate: { $gte: since } }, 'creationDate', page * size);
      for (const task of found) {
        latest = Math.max(latest, Date.parse(task.creationDate ?? '') || 0);
        sent += await this.notice(task, `task-${task.userTaskKey}`, 'cong-viec-moi');
        const due = Date.parse(task.dueDate ?? '');
        if (due <= this.clock.now().getTime() + this.soonMs())
          sent += await this.notice(task, `task-${task.userTaskKey}-due`, 'sap-den-han');
      }
      if (found.length < size) break;
    }
    this.createdUpTo = latest;
    return sent;
  }

  /**
   * Tasks whose due date has come within reach since the last poll: the window moves with the clock, so each task is
   * read here once. A task created already near its due date is told of with its new-task notice instead.
   */
  private async dueSoon(): Promise<number> {
    const until = this.clock.now().getTime() + this.soonMs();
    const size = this.options.pageSize ?? PAGE;
    const window = { $gt: new Date(this.dueUpTo).toISOString(), $lte: new Date(until).toISOString() };
    let sent = 0;
    for (let page = 0; page < PAGES_PER_TICK; page++) {
      const found = await this.search({ dueDate: window }, 'dueDate', page * size);
      for (const task of found)
        sent += await this.notice(task, `task-${task.userTaskKey}-due`, 'sap-den-han');
      if (found.length < size) {
        this.dueUpTo = until;
        break;
      }
    }
    return sent;
  }

  private soonMs(): number {
    return (this.options.dueSoonHours ?? 24) * 3600_000;
  }

  /** Sends one notice unless this poller already handled it; 1 when it went out now. */
  private async notice(task: OpenTask, key: string, kind: 'cong-viec-moi' | 'sap-den-han'): Promise<number> {
    const groups = task.candidateGroups ?? [];
    if (groups.length === 0 || this.handled.has(key)) return 0;
    const name = task.name ?? 'công việc';
    const due = task.dueDate ? ` Hạn: ${formatDue(task.dueDate)}.` : '';
    const result = await this.notifier.send({
      key,
      kind,
      groups,
      ...(kind === 'cong-viec-moi'
        ? { subject: `Công việc mới: ${name}`, text: `Có công việc mới "${name}" chờ đơn vị xử lý.${due}` }
        : {
            subject: `Sắp đến hạn: ${name}`,
            text: `Công việc "${name}" sắp đến hạn hoặc đã quá hạn.${due}`,
          }),
      ...(task.processInstanceKey ? { processInstanceKey: task.processInstanceKey } : {}),
    });
    this.handled.set(key, true);
    return result.alreadySent ? 0 : 1;
  }

  /** Polls every intervalMs; a failed poll is retried at the next one (the engine may be restarting). */
  start(intervalMs: number, onError: (error: unknown) => void = () => undefined): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => {
          onError(error);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
