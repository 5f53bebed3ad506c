/**
 * Issue 11, point 7: a 30 s database outage. Commands fail within 2 s (UNAVAILABLE, or DEADLINE_EXCEEDED when
 * the outcome is unknown), the engine reports not ready, nothing acknowledged is lost, and a creation retried with
 * the same operationReference creates one instance. The outage is real: the engine reaches FerretDB through a
 * TCP proxy that the test cuts (every connection reset, new ones refused) and restores.
 */
import { describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import {
  IMMEDIATE_READS,
  connectClients,
  createTestDatabase,
  eventually,
  loose,
  noWait,
  oneTaskProcess,
  processResource,
  startTestEngine,
  useBeforeAll,
  type TestClients,
} from '../../support/harness/index.js';

const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 30_000);

const fixture = useBeforeAll(async () => {
  const database = createTestDatabase('engine_outage');
  const target = new URL(database.uri.replace(/^mongodb:/, 'http:'));
  const proxy: TcpProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const proxied = database.uri.replace(`:${target.port}/`, `:${proxy.port}/`);
  // Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
  const engine = await startTestEngine({ profile: IMMEDIATE_READS, engine: { mongoUri: proxied } });
  // No client-side retries: the test measures what the engine answers.
  const clients: TestClients = connectClients(engine, { retry: false });
  return {
    engine,
    proxy,
    clients,
    async close() {
      await clients.close();
      await engine.close();
      await proxy.close();
      await database.drop();
    },
  };
});

async function readiness(): Promise<number> {
  return (await fetch(`${fixture.engine.restAddress}/actuator/health/readiness`)).status;
}

async function timed<T>(
  call: () => Promise<T>,
): Promise<{ ms: number; result?: T; error?: { code?: number; details?: string } }> {
  const started = Date.now();
  try {
    const result = await call();
    return { ms: Date.now() - started, result };
  } catch (error) {
    return { ms: Date.now() - started, error: error as { code?: number; details?: string } };
  }
}

const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

describe('database outage', () => {
  it(
    'fails commands within 2 s, reports not ready, loses nothing acknowledged, and an idempotent retry creates one instance',
    async () => {
      const { zeebe } = fixture.clients;
      await zeebe.deployResources([processResource('outage.bpmn', oneTaskProcess('outage', 'outage-work'))]);
      const before = await zeebe.createProcessInstance({ bpmnProcessId: 'outage', variables: { n: 1 } });
      expect(await readiness()).toBe(200);

      await fixture.proxy.cut();
      const cutAt = Date.now();
      // The first command may already have changed memory: its outcome is unknown (DEADLINE_EXCEEDED) or it was
      // refused (UNAVAILABLE); either way within 2 s.
      const first = await timed(() =>
        zeebe.createProcessInstance({
          bpmnProcessId: 'outage',
          variables: { n: 2 },
          operationReference: 4242,
        }),
      );
      console.info(`first command after the cut: code ${first.error?.code} in ${first.ms} ms`);
      expect(first.error?.code).toBeOneOf([UNAVAILABLE, DEADLINE_EXCEEDED]);
      expect(first.ms).toBeLessThanOrEqual(2_000);

      await eventually(async () => expect(await readiness()).toBe(503), 3_000);
      const topology = await zeebe.topology();
      expect(String(topology.brokers[0]?.partitions[0]?.health)).toBe('UNHEALTHY');

      // Throughout the outage every command is refused at once, REST included.
      const durations: number[] = [];
      const answeredDuringOutage = new Set<string>();
      while (Date.now() - cutAt < OUTAGE_MS) {
        const attempt = await timed(() =>
          zeebe.createProcessInstance({
            bpmnProcessId: 'outage',
            variables: { n: 3 },
            operationReference: 4242,
          }),
        );
        // Refused, unless the first command's batch reached the database before the cut (its acknowledgement lost
        // with the connection): then the retry is answered with that durable instance, which is checked below.
        if (attempt.error === undefined) answeredDuringOutage.add(String(attempt.result?.processInstanceKey));
        else expect(attempt.error.code).toBe(UNAVAILABLE);
        durations.push(attempt.ms);
        const rest = await fetch(`${fixture.engine.restAddress}/v2/process-instances`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ processDefinitionId: 'outage', operationReference: 4343 }),
        });
        expect(rest.status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      console.info(`${durations.length} commands during the outage, slowest ${Math.max(...durations)} ms`);
      expect(Math.max(...durations)).toBeLessThanOrEqual(2_000);

      await fixture.proxy.restore();
      await eventually(async () => expect(await readiness()).toBe(200), 15_000);

      // The retry after the outage: one instance for reference 4242, however many calls carried it.
      const retried = await zeebe.createProcessInstance({
        bpmnProcessId: 'outage',
        variables: { n: 2 },
        operationReference: 4242,
      });
      const again = await zeebe.createProcessInstance({
        bpmnProcessId: 'outage',
        variables: { n: 2 },
        operationReference: 4242,
      });
      expect(again.processInstanceKey).toBe(retried.processInstanceKey);
      for (const answered of answeredDuringOutage) expect(answered).toBe(retried.processInstanceKey);

      // Nothing acknowledged is lost, across a restart too, and the reference survives it.
      await fixture.engine.restart();
      const restarted = connectClients(fixture.engine, { retry: false });
      try {
        const found = await restarted.rest.searchProcessInstances(
          loose({ filter: { processDefinitionId: 'outage' } }),
          noWait,
        );
        const keys = (found.items ?? []).map((item) => String(item.processInstanceKey)).sort();
        expect(keys).toEqual([before.processInstanceKey, retried.processInstanceKey].sort());
        const afterRestart = await restarted.zeebe.createProcessInstance({
          bpmnProcessId: 'outage',
          variables: {},
          operationReference: 4242,
        });
        expect(afterRestart.processInstanceKey).toBe(retried.processInstanceKey);
      } finally {
        await restarted.close();
      }
    },
    OUTAGE_MS + 90_000,
  );
});
