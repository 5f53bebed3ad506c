import { describe, expect, it } from 'vitest';
import { eventually, loose, noWait, oneTaskProcess, useTestEngine } from '../../support/harness/index.js';

const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z' }, async (harness) => {
  await harness.zeebe.deployResource({ name: 'ic.bpmn', process: Buffer.from(oneTaskProcess('ic', 'ic')) });
});

function activate(timeout = 30_000) {
  return harness.zeebe.activateJobs({
    type: 'ic',
    worker: 'w',
    maxJobsToActivate: 1,
    timeout,
    requestTimeout: 2_000,
  });
}

describe('instance and job commands over gRPC', () => {
  it('SetVariables sets variables on the instance scope, visible to the next job', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ic',
      variables: { a: 1 },
    });
    await harness.zeebe.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { b: 2 },
      local: false,
    });
    const [job] = await activate();
    expect(job?.variables).toMatchObject({ a: 1, b: 2 });
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  it('UpdateJobTimeout extends an activated job; an expired one becomes activatable again', async () => {
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'ic', variables: {} });
    const [job] = await activate(10_000);
    await harness.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 120_000 });
    harness.clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await activate()).toEqual([]);
    harness.clock.advance(61_000);
    const [again] = await eventually(async () => {
      const jobs = await activate();
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(again?.key).toBe(job?.key);
    await harness.zeebe.completeJob({ jobKey: again!.key, variables: {} });
  });

  it('FailJob with a retry back-off keeps the job back until the back-off passes on the engine clock', async () => {
    await harness.zeebe.createProcessInstance({ bpmnProcessId: 'ic', variables: {} });
    const [job] = await activate();
    await harness.zeebe.failJob({
      jobKey: job!.key,
      retries: 2,
      errorMessage: 'later',
      retryBackOff: 300_000,
    });
    expect(await activate()).toEqual([]);
    harness.clock.advance(300_001);
    const [retried] = await eventually(async () => {
      const jobs = await activate();
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(retried).toMatchObject({ key: job!.key, retries: 2 });
    await harness.zeebe.completeJob({ jobKey: retried!.key, variables: {} });
  });

  it('ModifyProcessInstance terminates the waiting task and activates another element', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'ic',
      variables: {},
    });
    const tasks = await eventually(async () => {
      const found = await harness.rest.searchElementInstances(
        loose({ filter: { processInstanceKey, elementId: 'task', state: 'ACTIVE' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items ?? [];
    });
    await harness.zeebe.modifyProcessInstance({
      processInstanceKey,
      terminateInstructions: [{ elementInstanceKey: String(tasks[0]!.elementInstanceKey) }],
      activateInstructions: [
        { elementId: 'end', ancestorElementInstanceKey: '-1', variableInstructions: [] },
      ],
    });
    await eventually(async () => {
      const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
      expect(instance.state).toBe('COMPLETED');
    });
  });

  it('DeleteResource removes a process definition: new instances are refused', async () => {
    const deployed = await harness.zeebe.deployResource({
      name: 'ic-gone.bpmn',
      process: Buffer.from(oneTaskProcess('ic-gone', 'ic-gone')),
    });
    const key = deployed.deployments[0]!.process!.processDefinitionKey;
    await harness.zeebe.deleteResource({ resourceKey: key });
    await expect(
      harness.zeebe.createProcessInstance({ bpmnProcessId: 'ic-gone', variables: {} }),
    ).rejects.toMatchObject({ code: 5 });
  });
});
