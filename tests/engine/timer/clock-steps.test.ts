import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock, startEmbeddedEngine, type TimeSource } from '../../../src/engine/index.js';
import {
  IMMEDIATE_READS,
  CONFORMANCE_CLIENTS,
  connectClients,
  createTestDatabase,
  element,
  endEvent,
  eventually,
  flow,
  loose,
  noWait,
  oneTaskProcess,
  processXml,
  startEvent,
  timerDefinition,
  useTestEngine,
  type TestClients,
  type TestDatabase,
} from '../../support/harness/index.js';

const TEN_MINUTES = 10 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function timerProcess(id: string, duration: string): string {
  return processXml(id, [
    startEvent('start'),
    element('bpmn:intermediateCatchEvent', { id: 'wait' }, timerDefinition('timeDuration', duration)),
    endEvent('end'),
    flow('start', 'wait'),
    flow('wait', 'end'),
  ]);
}

/** A wall clock the test can step, over the real monotonic clock. */
class SteppableWall implements TimeSource {
  offset = 0;
  wall(): number {
    return Date.now() + this.offset;
  }
  monotonic(): number {
    return performance.now();
  }
}

describe('step detection on the system clock', () => {
  it('reports a step of the wall clock against the monotonic one, on the next read and on its own', async () => {
    let monotonic = 1_000;
    let offset = Date.parse('2026-03-01T01:00:00Z');
    const source: TimeSource = { wall: () => monotonic + offset, monotonic: () => monotonic };
    const clock = new SystemClock({ source, checkIntervalMs: 20 });
    const steps: number[] = [];
    const stop = clock.onChange((step) => steps.push(step));
    try {
      // Slewing: the offset creeps by 0.5 ms per check, a full second over the run, and is never a step.
      for (let tick = 0; tick < 2_000; tick += 1) {
        monotonic += 250;
        offset += 0.5;
        clock.now();
      }
      expect(steps).toEqual([]);

      offset -= TEN_MINUTES;
      expect(clock.now()).toBe(monotonic + offset);
      expect(steps).toEqual([-TEN_MINUTES]);

      offset += TEN_MINUTES;
      await eventually(async () => expect(steps).toEqual([-TEN_MINUTES, TEN_MINUTES]), 1_000);
    } finally {
      stop();
    }
  });
});

describe('clock steps of ±10 min on the injected clock', () => {
  // Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
  const harness = useTestEngine(
    { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
    async (harness) => {
      await harness.zeebe.deployResources([
        { name: 'step-timer.bpmn', process: Buffer.from(timerProcess('step-timer', 'PT10S')) },
        { name: 'step-job.bpmn', process: Buffer.from(oneTaskProcess('step-job', 'step-job')) },
      ]);
    },
  );

  async function state(processInstanceKey: string): Promise<string> {
    return (await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
  }

  async function activate(type: string, timeout = 60_000) {
    return harness.zeebe.activateJobs({
      type,
      worker: 'step-worker',
      maxJobsToActivate: 5,
      timeout,
      requestTimeout: 100,
    });
  }

  it('a PT10S timer is not held back by a backward step, and fires once', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'step-timer',
      variables: {},
    });
    harness.clock.advance(5_000);
    harness.clock.step(-TEN_MINUTES);
    harness.clock.advance(4_000);
    await sleep(200);
    expect(await state(processInstanceKey)).toBe('ACTIVE');
    harness.clock.advance(1_000);
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
    const timers = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey, elementId: 'wait' } }),
      noWait,
    );
    expect(timers.items?.map((item) => item.state)).toEqual(['COMPLETED']);
  });

  it('a forward step fires the timers it passed at once', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'step-timer',
      variables: {},
    });
    harness.clock.step(TEN_MINUTES);
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'), 1_000);
  });

  it('a job held by a worker is not handed out again after a forward step, and times out on real time', async () => {
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'step-job', variables: {} });
    const [job] = await activate('step-job');
    expect(job).toBeDefined();
    harness.clock.step(TEN_MINUTES);
    await sleep(200);
    expect(await activate('step-job')).toEqual([]);
    harness.clock.advance(59_000);
    await sleep(100);
    expect(await activate('step-job')).toEqual([]);
    harness.clock.advance(2_000);
    // Zeebe's semantics: once the timeout has run out, the job may go to another worker.
    await eventually(async () =>
      expect((await activate('step-job')).map((again) => again.key)).toEqual([job!.key]),
    );
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  it('a backward step does not hold a job deadline back', async () => {
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'step-job', variables: {} });
    const [job] = await activate('step-job');
    harness.clock.step(-TEN_MINUTES);
    harness.clock.advance(61_000);
    await eventually(async () =>
      expect((await activate('step-job')).map((again) => again.key)).toEqual([job!.key]),
    );
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });
});

describe('clock steps of ±10 min on the real wall-clock path', () => {
  const wall = new SteppableWall();
  let database: TestDatabase;
  let engine: Awaited<ReturnType<typeof startEmbeddedEngine>>;
  let clients: TestClients;

  beforeAll(async () => {
    database = createTestDatabase('clock-steps');
    // Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
    engine = await startEmbeddedEngine({
      profile: IMMEDIATE_READS,
      mongoUri: database.uri,
      grpcPort: 0,
      restPort: 0,
      clock: new SystemClock({ source: wall }),
    });
    clients = connectClients(engine, CONFORMANCE_CLIENTS);
    await clients.zeebe.deployResources([
      { name: 'wall-short.bpmn', process: Buffer.from(timerProcess('wall-short', 'PT2S')) },
      { name: 'wall-long.bpmn', process: Buffer.from(timerProcess('wall-long', 'PT5M')) },
      { name: 'wall-job.bpmn', process: Buffer.from(oneTaskProcess('wall-job', 'wall-job')) },
    ]);
  });
  afterAll(async () => {
    await clients?.close();
    await engine?.close();
    await database?.drop();
  });

  async function completedAfter(processInstanceKey: string, started: number): Promise<number> {
    await eventually(
      async () => {
        const instance = await clients.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
        expect(instance.state).toBe('COMPLETED');
      },
      15_000,
      25,
    );
    return performance.now() - started;
  }

  it('a PT2S timer fires about 2 s after it started although the wall clock went back 10 min', async () => {
    const started = performance.now();
    const { processInstanceKey } = await clients.zeebe.createProcessInstance({
      bpmnProcessId: 'wall-short',
      variables: {},
    });
    await sleep(500);
    wall.offset -= TEN_MINUTES;
    const elapsed = await completedAfter(processInstanceKey, started);
    console.log(`PT2S timer across a -10 min step fired after ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('a forward step of 10 min fires a PT5M timer within a second', async () => {
    const { processInstanceKey } = await clients.zeebe.createProcessInstance({
      bpmnProcessId: 'wall-long',
      variables: {},
    });
    await sleep(200);
    const stepped = performance.now();
    wall.offset += TEN_MINUTES;
    const elapsed = await completedAfter(processInstanceKey, stepped);
    console.log(`PT5M timer passed by a +10 min step fired ${elapsed.toFixed(0)} ms after the step`);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('a forward step does not hand a held job to a second worker; its real timeout does', async () => {
    await clients.zeebe.createProcessInstance({ bpmnProcessId: 'wall-job', variables: {} });
    const activate = (worker: string) =>
      clients.zeebe.activateJobs({
        type: 'wall-job',
        worker,
        maxJobsToActivate: 1,
        timeout: 2_000,
        requestTimeout: 100,
      });
    const [job] = await activate('first');
    const activated = performance.now();
    expect(job).toBeDefined();
    wall.offset += TEN_MINUTES;
    while (performance.now() - activated < 1_700) {
      expect(await activate('second')).toEqual([]);
      await sleep(100);
    }
    await eventually(
      async () => expect((await activate('second')).map((again) => again.key)).toEqual([job!.key]),
      3_000,
    );
    const reactivatedAfter = performance.now() - activated;
    console.log(
      `job with a 2 s timeout across a +10 min step handed out again after ${reactivatedAfter.toFixed(0)} ms`,
    );
    expect(reactivatedAfter).toBeLessThan(3_000);
  });
});
