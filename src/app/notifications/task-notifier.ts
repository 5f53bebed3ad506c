import { LRUCache } from 'lru-cache';
import { Poller } from '../../lib/poller.js';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from './notifier.js';
import { newCursor, walkAscending, type WalkCursor } from '../../lib/ascending-walk.js';
import { formatDate, formatTime } from '../../shared/vn-date.js';

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
  /** Open tasks read per search. */
  pageSize?: number;
  /** Searches of each kind per poll; what is left waits for the next poll. */
  pagesPerTick?: number;
}

const formatDue = (iso: string): string => `${formatTime(iso)} ngày ${formatDate(iso)}`;

const PAGE = 500;
const PAGES_PER_TICK = 20;

type DateField = 'creationDate' | 'dueDate';

/**
 * Tells the candidate groups of each open user task that it is there, and again when its due date is near. The engine
 * pushes nothing, so this polls the task search: new tasks by creation time, and tasks due soon by due date, each
 * from where the last poll stopped. Each notice is keyed by the task, so nothing is sent twice; the keys already
 * handled are remembered, so a poll does not ask the database again about tasks it has seen.
 */
export class TaskNotifier {
  private readonly poller = new Poller(() => this.tick());
  private readonly created = newCursor();
  private readonly due = newCursor();
  private readonly handled = new LRUCache<string, true>({ max: 500_000 });

  constructor(
    private readonly rest: UserTaskSearchClient,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly options: TaskNotifierOptions = {},
  ) {}

  async tick(): Promise<number> {
    const newTasks = await this.walk(this.created, 'creationDate', undefined, async (task) => {
      let sent = await this.notice(task, `task-${task.userTaskKey}`, 'cong-viec-moi');
      // A task created already near its due date is told of both ways now; the due-date walk may have passed it.
      const due = Date.parse(task.dueDate ?? '');
      if (due <= this.clock.now().getTime() + this.soonMs())
        sent += await this.notice(task, `task-${task.userTaskKey}-due`, 'sap-den-han');
      return sent;
    });
    // Tasks whose due date has come within reach: the window's end moves with the clock, so each is read here once.
    const dueSoon = await this.walk(this.due, 'dueDate', this.clock.now().getTime() + this.soonMs(), (task) =>
      this.notice(task, `task-${task.userTaskKey}-due`, 'sap-den-han'),
    );
    return newTasks + dueSoon;
  }

  /** Open tasks in ascending order of `field` from the cursor on (up to `until` if given), a few pages a poll. */
  private walk(
    cursor: WalkCursor,
    field: DateField,
    until: number | undefined,
    handle: (task: OpenTask) => Promise<number>,
  ): Promise<number> {
    return walkAscending(
      cursor,
      {
        page: (from, to, offset) =>
          this.search({ [field]: { $gte: from, ...(to ? { $lte: to } : {}) } }, field, offset),
        instantOf: (task) => Date.parse(task[field] ?? ''),
        handle,
      },
      {
        ...(until === undefined ? {} : { until }),
        pageSize: this.options.pageSize ?? PAGE,
        pages: this.options.pagesPerTick ?? PAGES_PER_TICK,
      },
    );
  }

  private search(filter: Record<string, unknown>, field: DateField, from: number): Promise<OpenTask[]> {
    return this.rest
      .searchUserTasks(
        {
          filter: { state: { $in: ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING'] }, ...filter },
          sort: [{ field, order: 'ASC' }],
          page: { from, limit: this.options.pageSize ?? PAGE },
        } as never,
        { consistency: { waitUpToMs: 0 } } as never,
      )
      .then((found) => found.items as OpenTask[]);
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
      taskKey: task.userTaskKey,
    });
    this.handled.set(key, true);
    return result.alreadySent ? 0 : 1;
  }

  /**
   * Polls every intervalMs; a failed poll is retried at the next one (the engine may be restarting). With `when`, a
   * poll runs only when it says so: beside other app replicas, where this one holds the lease (lib/lease.ts).
   */
  start(intervalMs: number, onError?: (error: unknown) => void, when?: () => Promise<boolean>): void {
    this.poller.start(intervalMs, onError, when);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }
}
