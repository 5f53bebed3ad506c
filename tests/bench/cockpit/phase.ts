import type { HttpSession } from '../inbox/http-session.js';
import type { SeededInstances } from './instance-seed.js';

/** What each measurement of the instances phase gets: giamsat's session and what was seeded. */
export interface InstanceContext {
  giamsat: HttpSession;
  seeded: SeededInstances;
  requests: number;
  inFlight: number;
  budgetMs: number;
  progress(message: string): void;
}

export interface Measured {
  /** The line's label, e.g. "instance list". */
  label: string;
  targetP95Ms: number;
  durations: number[];
  byKind: Record<string, number[]>;
  failures: string[];
}

/** One measurement of the instances phase (instances.phase.ts runs them in turn). */
export interface InstanceMeasurement {
  name: string;
  run(context: InstanceContext): Promise<Measured>;
}

/** `count` requests, `inFlight` at a time, until the budget runs out; each request returns its kind and duration. */
export async function drive(
  count: number,
  inFlight: number,
  budgetMs: number,
  request: (index: number) => Promise<{ kind: string; ms: number; failure?: string }>,
): Promise<Omit<Measured, 'label' | 'targetP95Ms'>> {
  const result = {
    durations: [] as number[],
    byKind: {} as Record<string, number[]>,
    failures: [] as string[],
  };
  const deadline = Date.now() + budgetMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count && Date.now() < deadline) {
        const started = performance.now();
        // A request that fails outright (the service closed the connection) is a failed check, not the end of the run.
        const answer = await request(next++).catch((error: unknown) => ({
          kind: 'failed request',
          ms: performance.now() - started,
          failure: `request failed: ${error instanceof Error ? (error.cause ?? error.message) : String(error)}`,
        }));
        result.durations.push(answer.ms);
        (result.byKind[answer.kind] ??= []).push(answer.ms);
        if (answer.failure) result.failures.push(answer.failure);
      }
    }),
  );
  return result;
}
