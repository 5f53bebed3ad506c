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

/**
 * Tells the candidate groups of each open user task that it is there, and again when its due date is near. The engine
 * pushes nothing, so this polls the task search; each notice is keyed by the task, so polling again sends nothing twice.
 */
export class TaskNotifier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly rest: UserTaskSearchClient,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly options: TaskNotifierOptions = {},
  ) {}

  async tick(): Promise<number> {
    const found = await this.rest.searchUserTasks(
      { filter: { state: 'CREATED' }, page: { limit: this.options.pageSize ?? 1000 } } as never,
      { consistency: { waitUpToMs: 0 } } as never,
    );
    const soonMs = (this.options.dueSoonHours ?? 24) * 3600_000;
    const now = this.clock.now().getTime();
    let sent = 0;
    for (const task of found.items as OpenTask[]) {
      const groups = task.candidateGroups ?? [];
      if (groups.length === 0) continue;
      const name = task.name ?? 'công việc';
      const due = task.dueDate ? ` Hạn: ${formatDue(task.dueDate)}.` : '';
      const fresh = await this.notifier.send({
        key: `task-${task.userTaskKey}`,
        kind: 'cong-viec-moi',
        groups,
        subject: `Công việc mới: ${name}`,
        text: `Có công việc mới "${name}" chờ đơn vị xử lý.${due}`,
        ...(task.processInstanceKey ? { processInstanceKey: task.processInstanceKey } : {}),
      });
      if (!fresh.alreadySent) sent++;
      if (task.dueDate && Date.parse(task.dueDate) - now <= soonMs) {
        const near = await this.notifier.send({
          key: `task-${task.userTaskKey}-due`,
          kind: 'sap-den-han',
          groups,
          subject: `Sắp đến hạn: ${name}`,
          text: `Công việc "${name}" sắp đến hạn hoặc đã quá hạn.${due}`,
          ...(task.processInstanceKey ? { processInstanceKey: task.processInstanceKey } : {}),
        });
        if (!near.alreadySent) sent++;
      }
    }
    return sent;
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
