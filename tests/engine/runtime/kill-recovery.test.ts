import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine.js';
import { startEmbeddedEngine, type EngineWithGateways } from '../../../src/engine/index.js';
import {
  IMMEDIATE_READS,
  CONFORMANCE_CLIENTS,
  connectClients,
  createTestDatabase,
  loose,
  noWait,
  type EngineCore,
  type TestClients,
} from '../../support/harness/index.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kill-target.ts');

describe('kill -9 in the middle of a load', () => {
  const database = createTestDatabase('kill');
  let engine: EngineCore | undefined;
  let gateways: EngineWithGateways | undefined;
  let clients: TestClients | undefined;
  afterAll(async () => {
    await clients?.close();
    await gateways?.close();
    await engine?.close();
    await database.drop();
  });

  it('loses nothing acknowledged and fires no timer twice', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, database.uri], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = { work: new Set<string>(), timer: new Set<string>(), done: new Set<string>() };
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [tag, kind, key] = line.split(' ');
          if (tag === 'ACK' && key && (kind === 'work' || kind === 'timer' || kind === 'done'))
            acknowledged[kind].add(key);
        }
        if (acknowledged.work.size >= 300 && acknowledged.timer.size >= 50 && acknowledged.done.size >= 1000)
          resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    engine = await createEngine({ mongoUri: database.uri });
    const instances = await engine.searchProcessInstances({ page: { limit: 100_000 } });
    const known = new Set(instances.items.map((item) => item.processInstanceKey));
    for (const key of [...acknowledged.work, ...acknowledged.timer]) expect(known.has(key)).toBe(true);

    const jobsByInstance = new Map<string, number>();
    for (;;) {
      const jobs = await engine.activateJobs({
        type: 'kill-work',
        worker: 'check',
        timeoutMs: 600_000,
        maxJobsToActivate: 1000,
      });
      if (jobs.length === 0) break;
      for (const job of jobs)
        jobsByInstance.set(job.processInstanceKey, (jobsByInstance.get(job.processInstanceKey) ?? 0) + 1);
    }
    for (const key of acknowledged.work) expect(jobsByInstance.get(key)).toBe(1);

    // Every timer fires exactly once: one after-timer job per instance, before or after the crash.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const afterTimer = new Map<string, number>();
    for (;;) {
      const jobs = await engine.activateJobs({
        type: 'after-timer',
        worker: 'check',
        timeoutMs: 600_000,
        maxJobsToActivate: 1000,
      });
      if (jobs.length === 0) break;
      for (const job of jobs)
        afterTimer.set(job.processInstanceKey, (afterTimer.get(job.processInstanceKey) ?? 0) + 1);
    }
    for (const key of acknowledged.timer) expect(afterTimer.get(key)).toBe(1);
    const timerInstances = instances.items.filter((item) => item.processDefinitionId === 'kill-timer');
    for (const item of timerInstances) expect(afterTimer.get(item.processInstanceKey)).toBe(1);

    // Finished before the kill: every acknowledged one is in the history, over REST v2, with its variable.
    await engine.close();
    engine = undefined;
    // Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
    gateways = await startEmbeddedEngine({
      profile: IMMEDIATE_READS,
      mongoUri: database.uri,
      grpcPort: 0,
      restPort: 0,
    });
    clients = connectClients(gateways, CONFORMANCE_CLIENTS);
    const finished = new Set<string>();
    let total = 0;
    for (let from = 0; ; from += 1000) {
      const page = await clients.rest.searchProcessInstances(
        loose({
          filter: { processDefinitionId: 'kill-done', state: 'COMPLETED' },
          page: { from, limit: 1000 },
        }),
        noWait,
      );
      total = page.page.totalItems;
      for (const item of page.items) finished.add(String(item.processInstanceKey));
      if (page.items.length < 1000) break;
    }
    expect(finished.size).toBe(total);
    for (const key of acknowledged.done) expect(finished.has(key)).toBe(true);
    const variables = new Set<string>();
    for (let from = 0; ; from += 1000) {
      const page = await clients.rest.searchVariables(
        loose({ filter: { name: 'n' }, page: { from, limit: 1000 } }),
        noWait,
      );
      for (const item of page.items) variables.add(String(item.processInstanceKey));
      if (page.items.length < 1000) break;
    }
    for (const key of acknowledged.done) expect(variables.has(key)).toBe(true);
  }, 120_000);
});
