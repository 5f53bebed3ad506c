/**
 * A walk through a growing set of records in ascending order of one instant (a task's creation or due date), a few
 * pages per poll, each poll going on from where the last one stopped.
 *
 * Why a cursor and not a fixed window: a poll reads a bounded number of pages, so a backlog (say 50,000 tasks
 * imported at once) must be worked off over several polls without reading the same pages again.
 */
export interface WalkCursor {
  /** The next poll starts here, this instant included: many records share a millisecond. */
  from: number;
  /** Pages passed over at `from` when a whole poll found nothing but that instant. */
  skip: number;
}

export interface WalkStep<T> {
  /** One page of records with `instant >= from` (and `<= until` when given), ascending. */
  page(from: string, until: string | undefined, offset: number, limit: number): Promise<T[]>;
  /** The instant (epoch ms) a record is ordered by. */
  instantOf(record: T): number;
  /** Handles a record; records of the look-back stretch come again, so this must tolerate repeats. */
  handle(record: T): Promise<number>;
}

/**
 * How far back each poll reads again by default. Camunda's searches are eventually consistent and its exporters do
 * not make records visible in the order of their instants: a task created at 10:00:01 may show after one created at
 * 10:00:03 that moved the cursor. Reading the last stretch again finds it; handlers tolerate repeats.
 */
export const DEFAULT_LOOK_BACK_MS = 30_000;

export function newCursor(): WalkCursor {
  return { from: 0, skip: 0 };
}

/** Reads up to `pages` pages from the cursor on, handles each record, moves the cursor; returns what handle summed. */
export async function walkAscending<T>(
  cursor: WalkCursor,
  step: WalkStep<T>,
  options: { until?: number; pageSize: number; pages: number; lookBackMs?: number },
): Promise<number> {
  const from = new Date(
    Math.max(0, cursor.from - (options.lookBackMs ?? DEFAULT_LOOK_BACK_MS)),
  ).toISOString();
  const until = options.until === undefined ? undefined : new Date(options.until).toISOString();
  let latest = cursor.from;
  let sum = 0;
  for (let page = 0; page < options.pages; page++) {
    const found = await step.page(from, until, (cursor.skip + page) * options.pageSize, options.pageSize);
    for (const record of found) {
      latest = Math.max(latest, step.instantOf(record) || 0);
      sum += await step.handle(record);
    }
    if (found.length < options.pageSize) {
      // All read: the next poll starts at the end of this one's range.
      Object.assign(cursor, { from: options.until ?? latest, skip: 0 });
      return sum;
    }
  }
  if (latest > cursor.from) Object.assign(cursor, { from: latest, skip: 0 });
  else cursor.skip += options.pages;
  return sum;
}
