import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  endEvent,
  eventually,
  flow,
  loose,
  noWait,
  processXml,
  serviceTask,
  startEvent,
  useTestEngine,
  userTask,
} from '../../support/harness/index.js';

// The official client checks every response against Camunda 8.8's schemas (CONFORMANCE_CLIENTS).
// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (engine) => {
    await engine.zeebe.deployResource({
      name: 'stats.bpmn',
      process: Buffer.from(
        processXml('stats', [
          startEvent('start'),
          serviceTask('prepare', 'stats-prepare', { retries: 1 }),
          userTask('review', { candidateGroups: 'reviewers' }),
          endEvent('end'),
          flow('start', 'prepare', { id: 'toPrepare' }),
          flow('prepare', 'review', { id: 'toReview' }),
          flow('review', 'end', { id: 'toEnd' }),
        ]),
      ),
    });
  },
);

async function start(variables: Record<string, unknown>): Promise<string> {
  const created = await harness.rest.createProcessInstance(
    loose({ processDefinitionId: 'stats', variables }),
  );
  return String(created.processInstanceKey);
}

/** The job of the given instance (other tests' jobs are left activated until they time out). */
async function activateOne(processInstanceKey: string): Promise<{ key: string }> {
  const jobs = await harness.zeebe.activateJobs({
    type: 'stats-prepare',
    maxJobsToActivate: 10,
    timeout: 60_000,
    worker: 'test',
    requestTimeout: 2_000,
  });
  const job = jobs.find((each) => each.processInstanceKey === processInstanceKey);
  if (!job) throw new Error('no job');
  return { key: job.key };
}

describe('REST v2 statistics, sequence flows, job update and refined instance search', () => {
  it('counts element instances per instance and per definition, and lists the flows taken', async () => {
    const first = await start({ unit: { code: 'so-tai-chinh' } });
    const second = await start({ unit: { code: 'benh-vien' } });
    const job = await activateOne(first);
    await harness.zeebe.completeJob({ jobKey: job.key, variables: {} });
    await eventually(async () => {
      const stats = await harness.rest.getProcessInstanceStatistics(
        loose({ processInstanceKey: first }),
        noWait,
      );
      expect(stats.items).toEqual(
        expect.arrayContaining([
          { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 1 },
          { elementId: 'prepare', active: 0, canceled: 0, incidents: 0, completed: 1 },
          { elementId: 'review', active: 1, canceled: 0, incidents: 0, completed: 0 },
        ]),
      );
    });
    const flows = await harness.rest.getProcessInstanceSequenceFlows(
      loose({ processInstanceKey: first }),
      noWait,
    );
    expect(flows.items?.map((item) => item.sequenceFlowId).sort()).toEqual(['toPrepare', 'toReview']);

    const definitionKey = (
      await harness.rest.getProcessInstance(loose({ processInstanceKey: second }), noWait)
    ).processDefinitionKey;
    const all = await harness.rest.getProcessDefinitionStatistics(
      loose({ processDefinitionKey: definitionKey, filter: { state: 'ACTIVE' } }),
      noWait,
    );
    expect(all.items?.find((item) => String(item.elementId) === 'prepare')).toMatchObject({
      active: 1,
      completed: 1,
    });
    expect(all.items?.find((item) => String(item.elementId) === 'start')).toMatchObject({ completed: 2 });

    const unknown = await fetch(
      `${harness.restAddress}/v2/process-instances/2251799813999999/statistics/element-instances`,
    );
    expect(unknown.status).toBe(404);
  });

  it('filters instances by a variable value, a start date range and a list of states', async () => {
    const key = await start({ unit: { code: 'xi-mang' }, period: { code: '2026-6T' } });
    const byUnit = await harness.rest.searchProcessInstances(
      loose({ filter: { variables: [{ name: 'unit', value: { $like: '*"code":"xi-mang"*' } }] } }),
      noWait,
    );
    expect(byUnit.items.map((item) => item.processInstanceKey)).toEqual([key]);
    expect(byUnit.page.totalItems).toBe(1);
    const inRange = await harness.rest.searchProcessInstances(
      loose({
        filter: {
          startDate: { $gte: '2026-03-01T00:00:00.000Z', $lt: '2026-03-02T00:00:00.000Z' },
          state: { $in: ['ACTIVE', 'COMPLETED'] },
        },
      }),
      noWait,
    );
    expect(inRange.items.map((item) => item.processInstanceKey)).toContain(key);
    await harness.rest.createElementInstanceVariables(
      loose({ elementInstanceKey: key, variables: { unit: { code: 'ximang-2' } }, local: true }),
    );
    const renamed = await harness.rest.searchProcessInstances(
      loose({ filter: { variables: [{ name: 'unit', value: { $like: '*ximang-2*' } }] } }),
      noWait,
    );
    expect(renamed.items.map((item) => item.processInstanceKey)).toEqual([key]);
    const outOfRange = await harness.rest.searchProcessInstances(
      loose({ filter: { startDate: { $gte: '2026-04-01T00:00:00.000Z' } } }),
      noWait,
    );
    expect(outOfRange.page.totalItems).toBe(0);
  });

  it('retries a failed job: retries updated, incident resolved, the job is activated again', async () => {
    const key = await start({});
    const job = await activateOne(key);
    await harness.zeebe.failJob({
      jobKey: job.key,
      errorMessage: 'thiếu dữ liệu',
      retries: 0,
      retryBackOff: 0,
    });
    const incident = await eventually(async () => {
      const found = await harness.rest.searchIncidents(
        loose({ filter: { processInstanceKey: key } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items![0]!;
    });
    expect(incident).toMatchObject({ errorMessage: 'thiếu dữ liệu', jobKey: job.key });
    await harness.rest.updateJob(loose({ jobKey: job.key, changeset: { retries: 1 } }));
    await harness.rest.resolveIncident(loose({ incidentKey: incident.incidentKey }));
    const again = await activateOne(key);
    expect(again.key).toBe(job.key);
    const bad = await fetch(`${harness.restAddress}/v2/jobs/${job.key}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changeset: { retries: -1 } }),
    });
    expect(bad.status).toBe(400);
  });
});
