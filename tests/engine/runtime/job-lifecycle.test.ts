import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  endEvent,
  flow,
  instanceState,
  pollUntil,
  serviceTask,
  startEvent,
  useEngineCore,
} from '../../support/harness/index.js';

describe('job lifecycle', () => {
  const activate = (type: string, timeoutMs = 60_000) =>
    h.engine.activateJobs({ type, worker: 'w', timeoutMs, maxJobsToActivate: 10 });

  const h = useEngineCore(async (h) => {
    await h.engine.deploy([
      bpmnFile('jobs', [
        startEvent('s'),
        serviceTask('t', 'flaky', { retries: 2 }),
        endEvent('e'),
        flow('s', 't', { id: 'f0' }),
        flow('t', 'e', { id: 'f1' }),
      ]),
    ]);
  });

  it('a timed-out activation makes the job activatable again', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'jobs' });
    const [job] = await activate('flaky', 1000);
    expect(job!.retries).toBe(2);
    expect(job!.deadline).toBe(h.clock.now() + 1000);
    expect(await activate('flaky')).toHaveLength(0);
    h.clock.advance(1001);
    const again = await pollUntil(
      () => activate('flaky'),
      (jobs) => jobs.length === 1,
    );
    expect(again[0]!.key).toBe(job!.key);
    await h.engine.completeJob(job!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('fail with retries and back-off, then 0 retries → JOB_NO_RETRIES incident, resolved after updateJobRetries', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'jobs' });
    const [job] = await activate('flaky');
    const notified: string[] = [];
    const unsubscribe = h.engine.onJobsAvailable('flaky', () => notified.push('flaky'));
    await h.engine.failJob({ jobKey: job!.key, retries: 1, errorMessage: 'boom', retryBackOffMs: 5000 });
    expect(await activate('flaky')).toHaveLength(0);
    h.clock.advance(5000);
    const [retried] = await pollUntil(
      () => activate('flaky'),
      (jobs) => jobs.length === 1,
    );
    expect(retried!.retries).toBe(1);
    expect(notified.length).toBeGreaterThan(0);
    unsubscribe();
    await h.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'really broken' });
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey, state: 'ACTIVE' },
    });
    expect(incidents.items).toEqual([
      expect.objectContaining({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'really broken',
        jobKey: job!.key,
      }),
    ]);
    await h.engine.updateJobRetries(job!.key, 3);
    await h.engine.resolveIncident(incidents.items[0]!.incidentKey);
    const [back] = await activate('flaky');
    expect(back).toMatchObject({ key: job!.key, retries: 3 });
    await h.engine.completeJob(back!.key);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });

  it('throwError without a catcher raises UNHANDLED_ERROR_EVENT', async () => {
    const created = await h.engine.createInstance({ bpmnProcessId: 'jobs' });
    const [job] = await activate('flaky');
    await h.engine.throwError({ jobKey: job!.key, errorCode: 'NOPE', errorMessage: 'bad input' });
    const incidents = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(incidents.items[0]).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 't' });
    expect(incidents.items[0]!.errorMessage).toContain("'NOPE'");
    await h.engine.cancelInstance(created.processInstanceKey);
    const after = await h.engine.searchIncidents({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(after.items[0]!.state).toBe('RESOLVED');
  });

  it('updateJobTimeout extends the deadline; job streams receive new jobs', async () => {
    const pushed: string[] = [];
    const stream = h.engine.openJobStream({ type: 'flaky', worker: 'streamer', timeoutMs: 30_000 }, (job) =>
      pushed.push(job.key),
    );
    const created = await h.engine.createInstance({ bpmnProcessId: 'jobs' });
    await pollUntil(
      () => pushed.length,
      (n) => n === 1,
    );
    stream.close();
    const job = (
      await h.engine.searchElementInstances({
        filter: { processInstanceKey: created.processInstanceKey, elementId: 't' },
      })
    ).items[0];
    expect(job).toBeDefined();
    await h.engine.updateJobTimeout(pushed[0]!, 120_000);
    h.clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await activate('flaky')).toHaveLength(0);
    await h.engine.completeJob(pushed[0]!);
    expect(await instanceState(h.engine, created.processInstanceKey)).toBe('COMPLETED');
  });
});
