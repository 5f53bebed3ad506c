import { newCursor, walkAscending } from '../../lib/ascending-walk.js';
import { Poller } from '../../lib/poller.js';
import type { InboxService } from './inbox.service.js';
import type { TaskEngine } from './task-engine.port.js';

const PAGE = 200;
const PAGES_PER_TICK = 10;

/**
 * Reads the unit and period of each new open task in the background, so that an inbox list finds them in memory.
 * Without it, a list showing tasks nobody has listed yet asks the engine once per task (20 requests for a page),
 * which after a large import was most of a list's cost.
 */
export class ContextWarmer {
  private readonly cursor = newCursor();
  private readonly poller = new Poller(() => this.tick());

  constructor(
    private readonly engine: TaskEngine,
    private readonly inbox: InboxService,
  ) {}

  /** One poll: the tasks created since the last one, a bounded number of pages. Returns how many were read. */
  tick(): Promise<number> {
    return walkAscending(
      this.cursor,
      {
        page: async (from, _until, offset, limit) =>
          (
            await this.engine.searchOpen({
              filter: { creationDate: { $gte: from } },
              sort: [{ field: 'creationDate', order: 'ASC' }],
              page: { from: offset, limit },
            })
          ).items,
        instantOf: (task) => Date.parse(task.creationDate),
        handle: async (task) => ((await this.inbox.prefetchContext(task.key)) ? 1 : 0),
      },
      { pageSize: PAGE, pages: PAGES_PER_TICK },
    );
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
