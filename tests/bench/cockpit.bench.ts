/**
 * `npm run bench:cockpit`: the supervisors' cockpit and the period dashboard (issue 15) measured over HTTP against
 * the running service. The service runs as `npm start` runs it, on its own FerretDB in a temporary folder (removed
 * afterwards, also on failure or Ctrl-C). Each phase is a file of its own in tests/bench/cockpit/ and is listed in
 * PHASES below; `BENCH_PHASES=period-dashboard` runs only the named ones.
 *
 * Figures go to stdout, progress to stderr. Exit code 1 when a check failed (a target missed is only reported).
 */
import os from 'node:os';
import { BENCH_CLIENTS, connectClients } from '../support/harness/clients.js';
import type { CockpitPhase } from './cockpit/cockpit-phase.js';
import { instancesPhase } from './cockpit/instances.phase.js';
import { periodDashboardPhase } from './cockpit/period-dashboard.phase.js';
import { Cleanup } from './inbox/cleanup.js';
import { startBenchServer } from './inbox/server-process.js';

/** The phases, in the order they run; add yours in a line of its own. */
const PHASES: CockpitPhase[] = [
  // Issue 15, point 4: one period's dashboard for 200 units.
  periodDashboardPhase,
  // Issue 15, points 1 and 2: the instance list at 100,000 instances and an instance with its overlays.
  instancesPhase,
];

const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const size = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

async function main(cleanup: Cleanup): Promise<number> {
  const wanted = process.env.BENCH_PHASES?.split(',').map((name) => name.trim());
  const phases = wanted ? PHASES.filter((phase) => wanted.includes(phase.name)) : PHASES;
  progress('starting the database server and the service');
  const server = await startBenchServer(cleanup, progress);
  progress(`service ready at ${server.url} (pid ${server.pid})`);
  const clients = connectClients(
    { grpcAddress: server.grpcAddress, restAddress: server.restAddress },
    BENCH_CLIENTS,
  );
  cleanup.add('close the engine clients', () => clients.close());
  const print = (line: string): void => console.log(line);
  const failures: string[] = [];
  const lines: string[] = [];
  for (const phase of phases) {
    progress(`phase ${phase.name}`);
    const result = await phase.run({ server, zeebe: clients.zeebe, rest: clients.rest, progress, size });
    lines.push(`[${phase.name}]`, ...result.lines);
    failures.push(...result.failures.map((failure) => `${phase.name}: ${failure}`));
  }
  print('');
  print(
    `Cockpit benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, database ${server.databaseKind}`,
  );
  print('(figures are noisy: two shared cores, other work may run at the same time)');
  for (const line of lines) print(line);
  if (failures.length > 0) {
    print(`FAILED CHECKS (${failures.length}):`);
    for (const failure of failures.slice(0, 20)) print(`  ${failure}`);
    return 1;
  }
  return 0;
}

const cleanup = new Cleanup();
cleanup.onSignals();
main(cleanup).then(
  async (code) => {
    await cleanup.run();
    process.exit(code);
  },
  async (error: unknown) => {
    process.stderr.write(
      `[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanup.run();
    process.exit(1);
  },
);
