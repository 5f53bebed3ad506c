import { describe, expect, it } from 'vitest';
import { rawGatewayClient } from './support/raw-grpc.js';
import {
  connectClients,
  element,
  flow,
  oneTaskProcess,
  processXml,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

/** grpc-js error codes as the SDK surfaces them. */
const code = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
};

async function grpcError(
  promise: Promise<unknown>,
): Promise<{ code?: number; details?: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { code?: number; details?: string; message: string },
  );
  if (!error) throw new Error('expected the call to be rejected');
  return error;
}

const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z' });

describe('gRPC gateway', () => {
  it('reports a single-broker 8.8 topology', async () => {
    const topology = await harness.zeebe.topology();
    expect(topology.gatewayVersion).toMatch(/^8\.8\./);
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0]?.partitions[0]).toMatchObject({
      partitionId: 1,
      role: 'LEADER',
      health: 'HEALTHY',
    });
    expect(topology.partitionsCount).toBeGreaterThanOrEqual(1);
  });

  it('deploys a BPMN process and a form in one deployment, versioning redeployments', async () => {
    const form = JSON.stringify({ id: 'gw-form', type: 'default', components: [] });
    const first = await harness.zeebe.deployResources([
      { name: 'gw-deploy.bpmn', process: Buffer.from(oneTaskProcess('gw-deploy', 'gw-deploy-task')) },
      { name: 'gw-form.form', form: Buffer.from(form) },
    ]);
    type Entry = {
      process?: { bpmnProcessId: string; processDefinitionKey: string };
      form?: { formId: string };
    };
    const entries = first.deployments as Entry[];
    const process = entries.find((entry) => entry.process)?.process;
    const deployedForm = entries.find((entry) => entry.form)?.form;
    expect(process).toMatchObject({ bpmnProcessId: 'gw-deploy', version: 1, resourceName: 'gw-deploy.bpmn' });
    expect(process?.processDefinitionKey).toMatch(/^\d+$/);
    expect(deployedForm).toMatchObject({ formId: 'gw-form', version: 1 });
    const changed = oneTaskProcess('gw-deploy', 'gw-deploy-task-v2');
    const second = await harness.zeebe.deployResource({
      name: 'gw-deploy.bpmn',
      process: Buffer.from(changed),
    });
    expect(second.deployments[0]?.process?.version).toBe(2);
  });

  it('refuses invalid BPMN with INVALID_ARGUMENT naming the element', async () => {
    const broken = processXml('gw-broken', [
      startEvent('start'),
      element('bpmn:serviceTask', { id: 'taskWithoutType' }),
      flow('start', 'taskWithoutType'),
    ]);
    const error = await grpcError(
      harness.zeebe.deployResource({ name: 'broken.bpmn', process: Buffer.from(broken) }),
    );
    expect(error.code).toBe(code.INVALID_ARGUMENT);
    expect(error.message).toContain('taskWithoutType');
  });

  it('refuses XML that is not BPMN at all', async () => {
    const error = await grpcError(
      harness.zeebe.deployResource({ name: 'junk.bpmn', process: Buffer.from('<not-bpmn') }),
    );
    expect(error.code).toBe(code.INVALID_ARGUMENT);
  });

  it('refuses a DMN resource without decisions, naming it', async () => {
    const dmn = '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" />';
    const error = await grpcError(
      harness.zeebe.deployResource({ name: 'rules.dmn', decision: Buffer.from(dmn) }),
    );
    expect(error.code).toBe(code.INVALID_ARGUMENT);
    expect(error.message).toMatch(
      /Invalid DMN resource 'rules\.dmn': element 'd': the resource holds no decision/,
    );
  });

  it('answers NOT_FOUND for unknown keys', async () => {
    const unknown = '2251799813999999';
    for (const call of [
      harness.zeebe.cancelProcessInstance(unknown),
      harness.zeebe.completeJob({ jobKey: unknown, variables: {} }),
      harness.zeebe.resolveIncident({ incidentKey: unknown }),
      harness.zeebe.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }),
    ]) {
      expect((await grpcError(call)).code).toBe(code.NOT_FOUND);
    }
  });

  it('refuses variables that are malformed JSON or not a JSON object', async () => {
    await harness.zeebe.deployResource({
      name: 'gw-vars.bpmn',
      process: Buffer.from(oneTaskProcess('gw-vars', 'gw-vars')),
    });
    // The SDK refuses such variables itself, so a bare client on the same proto sends them.
    const raw = rawGatewayClient(harness.grpcAddress);
    try {
      for (const variables of ['{"unclosed": ', '[1, 2]', '"text"']) {
        const error = await grpcError(
          raw.call('CreateProcessInstance', { bpmnProcessId: 'gw-vars', version: -1, variables }),
        );
        expect(error.code).toBe(code.INVALID_ARGUMENT);
        expect(error.details).toContain('variables');
      }
      const published = await grpcError(
        raw.call('PublishMessage', { name: 'm', correlationKey: 'k', variables: 'nope' }),
      );
      expect(published.code).toBe(code.INVALID_ARGUMENT);
    } finally {
      raw.close();
    }
  });

  it('refuses messages over 4 MB', async () => {
    // The SDK retries RESOURCE_EXHAUSTED as back-pressure; a client without retries sees the status itself.
    const { zeebe, close } = connectClients(harness, { retry: false });
    try {
      const error = await grpcError(
        zeebe.publishMessage({
          name: 'big',
          correlationKey: 'k',
          variables: { blob: 'x'.repeat(4_500_000) },
        }),
      );
      expect(error.code).toBe(code.RESOURCE_EXHAUSTED);
    } finally {
      await close();
    }
  });

  it('long-polls ActivateJobs: answers empty by requestTimeout, and hands over a job created while waiting', async () => {
    const started = Date.now();
    const none = await harness.zeebe.activateJobs({
      type: 'gw-nothing-here',
      worker: 'test',
      maxJobsToActivate: 1,
      timeout: 10_000,
      requestTimeout: 400,
    });
    const waited = Date.now() - started;
    expect(none).toEqual([]);
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(1_400);

    await harness.zeebe.deployResource({
      name: 'gw-poll.bpmn',
      process: Buffer.from(oneTaskProcess('gw-poll', 'gw-poll')),
    });
    const polling = harness.zeebe.activateJobs({
      type: 'gw-poll',
      worker: 'test',
      maxJobsToActivate: 5,
      timeout: 10_000,
      requestTimeout: 5_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const created = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'gw-poll',
      variables: { n: 1 },
    });
    const jobs = await polling;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      processInstanceKey: created.processInstanceKey,
      elementId: 'task',
      variables: { n: 1 },
    });
    await harness.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: {} });
  });
});
