/**
 * Everything that falls due at a time of the engine's Clock: timers, job deadlines, job retry back-offs and
 * message TTLs. A min-heap of (due, kind, key) with lazy invalidation: handlers re-check the record when an entry
 * pops, so rescheduling never needs a removal. The wake-up is a setTimeout for the nearest due time (Node's
 * timers run on monotonic time), and every move of the clock triggers a check and re-arms it.
 *
 * Due times are wall-clock times, as stored in the records. When the wall clock is *stepped* (real time did not
 * move), entries are re-anchored so that (see README, "Time that can jump"):
 * - job deadlines, retry back-offs and message TTLs keep their remaining real time, both ways: a worker keeps the
 *   job for the timeout it asked for, as Zeebe promises ("not activated by another call until the timeout");
 * - timers fire at once when a forward step passed their due time, and keep their remaining real time on a
 *   backward step (a PT10S timer is not held back for the length of the step).
 * Each entry keeps `at`, the record's due time it was scheduled for, which handlers compare with the record.
 */
import type { Clock } from '../engine-api.js';

export type DueKind = 'timer' | 'jobDeadline' | 'jobRetry' | 'messageTtl';

export interface DueEntry {
  /** When the scheduler fires it, in the clock's current frame (moved by steps). */
  due: number;
  /** The record's own due time this entry stands for (never moved); handlers check the record against it. */
  at: number;
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
    this.unsubscribe = clock.onChange((stepMs) => {
      if (stepMs !== 0) this.reanchor(stepMs);
      // A step may be reported from inside a clock read in the middle of a command: check once it is done.
      if (stepMs !== 0) queueMicrotask(() => this.check());
      else this.check();
    });
  }

  start(): void {
    this.running = true;
    this.check();
  }

  schedule(due: number, kind: DueKind, key: string): void {
    this.push({ due, at: due, kind, key });
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

  /** The wall clock jumped by stepMs: moves the entries that keep their remaining real time, then re-heaps. */
  private reanchor(stepMs: number): void {
    const entries = this.heap.splice(0);
    for (const entry of entries) {
      if (stepMs < 0 || entry.kind !== 'timer') entry.due += stepMs;
      this.push(entry);
    }
    // The armed wake-up was computed in the old frame; the check queued by the listener re-arms it.
    this.wakeAt = Infinity;
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
