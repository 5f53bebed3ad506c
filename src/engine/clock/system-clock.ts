import type { Clock } from '../engine-api.js';

/** Wall time. It never jumps on its own, so onChange listeners are never called. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  onChange(_listener: () => void): () => void {
    return () => undefined;
  }
}
