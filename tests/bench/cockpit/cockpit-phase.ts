import type { ZeebeClient } from '../../../src/app/engine-client/engine-clients.js';
import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { BenchServer } from '../inbox/server-process.js';

/** What every cockpit phase is given: the running service (as `npm start` runs it) and Camunda's clients to it. */
export interface CockpitContext {
  server: BenchServer;
  zeebe: ZeebeClient;
  rest: CamundaClientLoose;
  progress(message: string): void;
  /** A whole-number setting from the environment. */
  size(name: string, fallback: number): number;
}

/** One measured result line: a latency with its target, or a plain fact. */
export interface PhaseResult {
  /** Lines for the report (latency lines, facts). */
  lines: string[];
  /** Checks that failed (the answers were not what was seeded): the bench exits 1. */
  failures: string[];
}

/** A phase of `npm run bench:cockpit`, in a file of its own under tests/bench/cockpit/. */
export interface CockpitPhase {
  name: string;
  run(context: CockpitContext): Promise<PhaseResult>;
}
