import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  errorDefinition,
  eventually,
  flow,
  loose,
  noWait,
  oneTaskProcess,
  processXml,
  serviceTask,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

describe('service tasks (jobs)', () => {
  it('runs start → service task → end with a worker, merging the job result into the instance', async () => {
    await harness.zeebe.deployResource({
      name: 'st-basic.bpmn',
      process: Buffer.from(oneTaskProcess('st-basic', 'st-basic')),
    });
    const seen: Record<string, unknown>[] = [];
    const worker = harness.zeebe.createWorker({
      taskType: 'st-basic',
      taskHandler: (job) => {
        seen.push(job.variables);
        return job.complete({ doubled: Number(job.variables.n) * 2 });
      },
    });
    try {
      const result = await harness.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'st-basic',
        variables: { n: 21 },
        requestTimeout: 10_000,
      });
      expect(result.variables).toMatchObject({ n: 21, doubled: 42 });
      expect(seen).toEqual([expect.objectContaining({ n: 21 })]);
      const instance = await harness.rest.getProcessInstance(
        { processInstanceKey: result.processInstanceKey },
        noWait,
      );
      expect(instance.state).toBe('COMPLETED');
    } finally {
      await worker.close();
    }
  });

  it('passes task headers and fetches only the requested variables', async () => {
    const xml = processXml('st-headers', [
      startEvent('start'),
      serviceTask('task', 'st-headers', {
        extensions: [
          element('zeebe:taskHeaders', {}, element('zeebe:header', { key: 'template', value: 'letter' })),
        ],
      }),
      endEvent('end'),
      flow('start', 'task'),
      flow('task', 'end'),
    ]);
    await harness.zeebe.deployResource({ name: 'st-headers.bpmn', process: Buffer.from(xml) });
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'st-headers', variables: { a: 1, b: 2 } });
    const jobs = await harness.zeebe.activateJobs({
      type: 'st-headers',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 2_000,
      fetchVariable: ['a'],
    });
    expect(jobs[0]?.customHeaders).toEqual({ template: 'letter' });
    expect(jobs[0]?.variables).toEqual({ a: 1 });
    await harness.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: {} });
  });

  it('fails a job down to zero retries → incident; updateJobRetries + resolveIncident → the instance completes', async () => {
    await harness.zeebe.deployResource({
      name: 'st-fail.bpmn',
      process: Buffer.from(oneTaskProcess('st-fail', 'st-fail', 2)),
    });
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'st-fail',
      variables: {},
    });
    const activate = () =>
      harness.zeebe.activateJobs({
        type: 'st-fail',
        worker: 'w',
        maxJobsToActivate: 1,
        timeout: 30_000,
        requestTimeout: 2_000,
      });
    const [first] = await activate();
    expect(first?.retries).toBe(2);
    await harness.zeebe.failJob({
      jobKey: first!.key,
      retries: 1,
      errorMessage: 'printer on fire',
      retryBackOff: 0,
    });
    const [second] = await activate();
    expect(second?.key).toBe(first?.key);
    await harness.zeebe.failJob({
      jobKey: second!.key,
      retries: 0,
      errorMessage: 'still on fire',
      retryBackOff: 0,
    });

    const incidents = await eventually(async () => {
      const found = await harness.rest.searchIncidents(
        loose({ filter: { processInstanceKey, state: 'ACTIVE' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items ?? [];
    });
    expect(incidents[0]).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      elementId: 'task',
      jobKey: first!.key,
    });
    expect(incidents[0]?.errorMessage).toContain('still on fire');
    const instance = await harness.rest.getProcessInstance({ processInstanceKey }, noWait);
    expect(instance.hasIncident).toBe(true);
    const single = await harness.rest.getIncident(loose({ incidentKey: incidents[0]!.incidentKey }), noWait);
    expect(single).toMatchObject({ state: 'ACTIVE', errorType: 'JOB_NO_RETRIES' });

    await harness.zeebe.updateJobRetries({ jobKey: first!.key, retries: 1 });
    await harness.zeebe.resolveIncident({ incidentKey: String(incidents[0]!.incidentKey) });
    const [third] = await activate();
    expect(third?.key).toBe(first?.key);
    await harness.zeebe.completeJob({ jobKey: third!.key, variables: { fixed: true } });
    await eventually(async () => {
      const done = await harness.rest.getProcessInstance({ processInstanceKey }, noWait);
      expect(done.state).toBe('COMPLETED');
      expect(done.hasIncident).toBe(false);
    });
  });

  it('catches a thrown error on an error boundary event', async () => {
    const xml = processXml(
      'st-error',
      [
        startEvent('start'),
        serviceTask('task', 'st-error'),
        element(
          'bpmn:boundaryEvent',
          { id: 'rejected', attachedToRef: 'task' },
          errorDefinition('Error_rejected'),
        ),
        endEvent('end'),
        endEvent('endRejected'),
        flow('start', 'task'),
        flow('task', 'end'),
        flow('rejected', 'endRejected'),
      ],
      { roots: element('bpmn:error', { id: 'Error_rejected', name: 'rejected', errorCode: 'REJECTED' }) },
    );
    await harness.zeebe.deployResource({ name: 'st-error.bpmn', process: Buffer.from(xml) });
    const worker = harness.zeebe.createWorker({
      taskType: 'st-error',
      taskHandler: (job) =>
        job.error({ errorCode: 'REJECTED', errorMessage: 'not eligible', variables: { reason: 'age' } }),
    });
    try {
      const result = await harness.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'st-error',
        variables: {},
      });
      expect(result.variables).toMatchObject({ reason: 'age' });
      const elements = await harness.rest.searchElementInstances(
        loose({ filter: { processInstanceKey: result.processInstanceKey, elementId: 'endRejected' } }),
        noWait,
      );
      expect(elements.items).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('cancels a waiting instance: its job can no longer be completed', async () => {
    await harness.zeebe.deployResource({
      name: 'st-cancel.bpmn',
      process: Buffer.from(oneTaskProcess('st-cancel', 'st-cancel')),
    });
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'st-cancel',
      variables: {},
    });
    const [job] = await harness.zeebe.activateJobs({
      type: 'st-cancel',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 2_000,
    });
    await harness.zeebe.cancelProcessInstance(processInstanceKey);
    await expect(harness.zeebe.completeJob({ jobKey: job!.key, variables: {} })).rejects.toMatchObject({
      code: 5,
    });
    const instance = await harness.rest.getProcessInstance({ processInstanceKey }, noWait);
    expect(instance.state).toBe('TERMINATED');
  });

  it('pushes jobs over StreamActivatedJobs', async () => {
    await harness.zeebe.deployResource({
      name: 'st-stream.bpmn',
      process: Buffer.from(oneTaskProcess('st-stream', 'st-stream')),
    });
    const received: string[] = [];
    const stream = await harness.zeebe.streamJobs({
      type: 'st-stream',
      worker: 'streamer',
      tenantIds: [],
      timeout: 30_000,
      taskHandler: (job) => {
        received.push(String(job.variables.order));
        return job.complete();
      },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const first = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'st-stream',
        variables: { order: 'A' },
      });
      await eventually(async () => {
        const instance = await harness.rest.getProcessInstance(
          { processInstanceKey: first.processInstanceKey },
          noWait,
        );
        expect(instance.state).toBe('COMPLETED');
      });
      expect(received).toEqual(['A']);
    } finally {
      stream.close();
    }
  });
});
