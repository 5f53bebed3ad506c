/**
 * Everything that falls due at a time of the engine's Clock: timers, job deadlines, job retry back-offs and
 * message TTLs. A min-heap of (due, kind, key) with lazy invalidation: handlers re-check the record when an entry
 * pops, so rescheduling never needs a removal. The wake-up is a real setTimeout for the nearest due time, and
 * every jump of the clock (tests) triggers a check too.
 */
import type { Clock } from '../engine-api.js';

export type DueKind = 'timer' | 'jobDeadline' | 'jobRetry' | 'messageTtl';

export interface DueEntry {
  due: number;
  kind: DueKind;
  key: string;
}

const MAX_TIMEOUT = 2 ** 31 - 1;

export class Scheduler {
  private readonly heap: DueEntry[] = [];
  private timeout: NodeJS.Timeout | null = null;
  private wakeAt = Infinity;
  private readonly unsubscribe: () => void;
  private running = false;

  constructor(
    private readonly clock: Clock,
    /** Called when entries may be due; the engine then drains them inside a command. */
    private readonly onDue: () => void,
  ) {
    this.unsubscribe = clock.onChange(() => this.check());
  }

  start(): void {
    this.running = true;
    this.check();
  }

  schedule(due: number, kind: DueKind, key: string): void {
    this.push({ due, kind, key });
    if (this.running && due < this.wakeAt) this.arm();
  }

  /** Removes and returns every entry due now. */
  takeDue(now: number): DueEntry[] {
    const due: DueEntry[] = [];
    while (this.heap.length > 0 && this.heap[0]!.due <= now) due.push(this.pop()!);
    return due;
  }

  hasDue(now: number): boolean {
    const next = this.heap[0];
    return next !== undefined && next.due <= now;
  }

  /** Re-arms the wake-up for the next entry; call after draining. */
  arm(): void {
    if (!this.running) return;
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    const next = this.heap[0];
    this.wakeAt = next ? next.due : Infinity;
    if (!next) return;
    const delay = Math.min(MAX_TIMEOUT, Math.max(0, next.due - this.clock.now()));
    this.timeout = setTimeout(() => this.check(), delay);
    this.timeout.unref();
  }

  check(): void {
    if (!this.running) return;
    const next = this.heap[0];
    if (next && next.due <= this.clock.now()) this.onDue();
    else this.arm();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe();
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
  }

  private push(entry: DueEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.due <= entry.due) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  private pop(): DueEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      const current = smallest === index ? last : heap[smallest]!;
      let smallestDue = current.due;
      if (left < heap.length && heap[left]!.due < smallestDue) {
        smallest = left;
        smallestDue = heap[left]!.due;
      }
      if (right < heap.length && heap[right]!.due < smallestDue) smallest = right;
      if (smallest === index) break;
      heap[index] = heap[smallest]!;
      index = smallest;
    }
    heap[index] = last;
    return top;
  }
}
