import type { InboxPage } from '../../../src/shared/contracts/index.js';
import { expectedMatches, type Due, type Priority, type SeededTasks } from './expected.js';
import type { HttpSession } from './http-session.js';
import { BENCH_PROCESS_ID } from './task-seed.js';
import { percentile } from '../support/stats.js';

export interface SignedInUser {
  session: HttpSession;
  unitIndex: number;
  /** The unit's candidate group, e.g. co-so:bench-001. */
  group: string;
}

export interface ListFigures {
  durations: number[];
  failures: string[];
  /** The same durations by scope and by page 1 / later pages. */
  byKind: Record<string, number[]>;
}

/** Small deterministic generator, so two runs ask the same questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const PAGE_SIZE = 20;

function pick<T>(next: () => number, choices: readonly (readonly [T, number])[]): T {
  let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices[choices.length - 1]![0];
}

/** Checks one answer against what the seed put into the user's unit (nothing is claimed during this phase). */
function verify(
  page: InboxPage,
  query: { scope: string; due: Due; priority: Priority; sort: string; page: number },
  expected: number,
  unitName: string,
): string | undefined {
  if (!page || typeof page !== 'object' || !page.counts) return 'no counts in the answer';
  if (page.counts.all !== expected) return `counts.all ${page.counts.all}, expected ${expected}`;
  if (page.counts.unclaimed !== expected)
    return `counts.unclaimed ${page.counts.unclaimed}, expected ${expected}`;
  if (page.counts.mine !== 0) return `counts.mine ${page.counts.mine}, expected 0`;
  const total = query.scope === 'mine' ? 0 : expected;
  if (page.total !== total) return `total ${page.total}, expected ${total}`;
  const shown = Math.max(0, Math.min(PAGE_SIZE, total - (query.page - 1) * PAGE_SIZE));
  if (page.items.length !== shown) return `${page.items.length} items, expected ${shown}`;
  const wrongUnit = page.items.find((item) => item.unitName !== unitName);
  if (wrongUnit) return `item ${wrongUnit.id} shows unit "${wrongUnit.unitName}", expected "${unitName}"`;
  if (page.items.some((item) => item.period !== '6 tháng đầu năm 2026'))
    return 'an item without the period label';
  if (expected > 0 && !page.processes.some((process) => process.id === BENCH_PROCESS_ID))
    return 'the bench process is missing from the process filter list';
  for (let index = 1; index < page.items.length; index += 1) {
    const [a, b] = [page.items[index - 1]!, page.items[index]!];
    const time = (value: string | null) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
    if (query.sort === 'due' && time(a.dueDate) > time(b.dueDate)) return 'not sorted by due date';
    if (query.sort === 'priority' && a.priority < b.priority) return 'not sorted by priority';
    if (query.sort === 'created' && time(a.createdAt) < time(b.createdAt)) return 'not sorted newest first';
  }
  return undefined;
}

/**
 * Up to `requests` GETs (fewer when `budgetMs` runs out first) of /api/inbox/tasks, `inFlight` at a time, each as one of the signed-in users (in turn) with a
 * drawn scope, process filter, due and priority filter, sort and page (page 1 most often, like a person).
 */
export async function measureList(
  users: SignedInUser[],
  seed: SeededTasks,
  requests: number,
  inFlight: number,
  budgetMs: number,
  progress: (message: string) => void,
  /** Another seed draws other questions (the warm-up asks different ones from the measurement). */
  questionSeed = 926,
): Promise<ListFigures> {
  const deadline = Date.now() + budgetMs;
  const next = random(questionSeed);
  const figures: ListFigures = { durations: [], failures: [], byKind: {} };
  let issued = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (issued < requests && Date.now() < deadline) {
        const number = issued++;
        const user = users[number % users.length]!;
        const query = {
          scope: pick(next, [
            ['all', 4],
            ['unclaimed', 4],
            ['mine', 2],
          ] as const),
          process: pick(next, [
            ['', 7],
            [BENCH_PROCESS_ID, 3],
          ] as const),
          due: pick<Due>(next, [
            ['any', 5],
            ['soon', 2.5],
            ['overdue', 2.5],
          ]),
          priority: pick<Priority>(next, [
            ['any', 5],
            ['high', 2],
            ['medium', 2],
            ['low', 1],
          ]),
          sort: pick(next, [
            ['due', 5],
            ['created', 3],
            ['priority', 2],
          ] as const),
          page: 1,
        };
        const expected = expectedMatches(seed, user.unitIndex, query.due, query.priority, Date.now());
        const pages = Math.max(1, Math.ceil((query.scope === 'mine' ? 0 : expected) / PAGE_SIZE));
        query.page = next() < 0.6 ? 1 : 1 + Math.floor(next() * pages);
        const search = new URLSearchParams({
          scope: query.scope,
          due: query.due,
          priority: query.priority,
          sort: query.sort,
          page: String(query.page),
        });
        if (query.process) search.set('process', query.process);
        const result = await user.session.get<InboxPage>(`/api/inbox/tasks?${search}`);
        figures.durations.push(result.ms);
        if (figures.durations.length % 100 === 0)
          progress(
            `${figures.durations.length} list requests, p95 so far ${Math.round(percentile(figures.durations, 95))} ms`,
          );
        for (const kind of [`scope=${query.scope}`, query.page === 1 ? 'page 1' : 'page > 1'])
          (figures.byKind[kind] ??= []).push(result.ms);
        const problem =
          result.status === 200
            ? verify(result.body, query, expected, seed.units[user.unitIndex]!.name)
            : `status ${result.status}: ${JSON.stringify(result.body).slice(0, 300)}`;
        if (problem) figures.failures.push(`${user.session.username} ?${search}: ${problem}`);
      }
    }),
  );
  return figures;
}
