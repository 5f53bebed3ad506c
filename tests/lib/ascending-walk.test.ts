import { describe, expect, it } from 'vitest';
import { newCursor, walkAscending, type WalkStep } from '../../src/lib/ascending-walk.js';

interface Item {
  id: string;
  at: number;
}

/** A search over items that become visible one by one, in an order other than their instants (as Camunda's exporters). */
function laggingSearch(visible: Item[]): WalkStep<Item> & { handled: string[] } {
  const handled: string[] = [];
  return {
    handled,
    page: (from, until, offset, limit) =>
      Promise.resolve(
        visible
          .filter((item) => item.at >= Date.parse(from) && (!until || item.at <= Date.parse(until)))
          .sort((a, b) => a.at - b.at)
          .slice(offset, offset + limit),
      ),
    instantOf: (item) => item.at,
    handle: (item) => {
      if (handled.includes(item.id)) return Promise.resolve(0);
      handled.push(item.id);
      return Promise.resolve(1);
    },
  };
}

describe('walkAscending under out-of-order visibility', () => {
  const base = Date.parse('2026-12-04T03:00:00Z');

  it('finds a record that shows after a later one moved the cursor past it, and handles each once', async () => {
    const visible: Item[] = [{ id: 'late-created-first-seen', at: base + 3000 }];
    const step = laggingSearch(visible);
    const cursor = newCursor();
    expect(await walkAscending(cursor, step, { pageSize: 10, pages: 2 })).toBe(1);
    expect(cursor.from).toBe(base + 3000);
    // Created two seconds earlier, but exported only now.
    visible.push({ id: 'early-created-seen-late', at: base + 1000 });
    expect(await walkAscending(cursor, step, { pageSize: 10, pages: 2 })).toBe(1);
    expect(step.handled).toEqual(['late-created-first-seen', 'early-created-seen-late']);
    expect(await walkAscending(cursor, step, { pageSize: 10, pages: 2 })).toBe(0);
  });

  it('without looking back it would have missed it (the failure the look-back exists for)', async () => {
    const visible: Item[] = [{ id: 'b', at: base + 3000 }];
    const step = laggingSearch(visible);
    const cursor = newCursor();
    await walkAscending(cursor, step, { pageSize: 10, pages: 2, lookBackMs: 0 });
    visible.push({ id: 'a', at: base + 1000 });
    await walkAscending(cursor, step, { pageSize: 10, pages: 2, lookBackMs: 0 });
    expect(step.handled).toEqual(['b']);
  });

  it('still works a backlog larger than one poll off across polls', async () => {
    const visible = Array.from({ length: 95 }, (_, index) => ({ id: `t${index}`, at: base + index * 10 }));
    const step = laggingSearch(visible);
    const cursor = newCursor();
    let polls = 0;
    while (step.handled.length < 95 && polls < 20) {
      await walkAscending(cursor, step, { pageSize: 10, pages: 2 });
      polls += 1;
    }
    expect(step.handled).toHaveLength(95);
    expect(new Set(step.handled).size).toBe(95);
  });
});
