import { percentile, round } from '../support/stats.js';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latency(durations: number[]): Latency {
  return {
    n: durations.length,
    p50: round(percentile(durations, 50)),
    p95: round(percentile(durations, 95)),
    p99: round(percentile(durations, 99)),
    max: round(durations.length ? Math.max(...durations) : Number.NaN),
  };
}

/** One line: the figures, and when there is a target, the target and PASS/FAIL (p95 against it). */
export function latencyLine(label: string, figures: Latency, targetP95Ms?: number): string {
  const cells = [
    label.padEnd(34),
    `n=${String(figures.n).padStart(5)}`,
    `p50=${figures.p50.toFixed(1).padStart(8)} ms`,
    `p95=${figures.p95.toFixed(1).padStart(8)} ms`,
    `p99=${figures.p99.toFixed(1).padStart(8)} ms`,
    `max=${figures.max.toFixed(1).padStart(8)} ms`,
  ];
  if (targetP95Ms !== undefined) {
    const pass = figures.n > 0 && figures.p95 <= targetP95Ms;
    cells.push(`target p95 ≤ ${targetP95Ms} ms`, pass ? 'PASS' : 'FAIL');
  }
  return cells.join('  ');
}
