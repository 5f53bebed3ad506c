import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  flow,
  loose,
  message,
  messageDefinition,
  noWait,
  processResource,
  processXml,
  serviceTask,
  startEvent,
  timerDefinition,
  userTask,
  useTestEngine,
  type Xml,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });
const hour = 3_600_000;

const timerCatch = (id: string, duration: string): Xml =>
  element('bpmn:intermediateCatchEvent', { id }, timerDefinition('timeDuration', duration));
const reminder = (id: string, attachedTo: string, duration: string): Xml =>
  element(
    'bpmn:boundaryEvent',
    { id, attachedToRef: attachedTo, cancelActivity: false },
    timerDefinition('timeDuration', duration),
  );
const fork = (id: string): Xml => element('bpmn:parallelGateway', { id });

/** Version 1: a user task `review` with a 1 h reminder, beside a 2 h wait. */
const version1 = (processId: string) =>
  processXml(processId, [
    startEvent('start'),
    fork('fork'),
    userTask('review', { name: 'Review' }),
    reminder('remind', 'review', 'PT1H'),
    endEvent('reminded'),
    timerCatch('wait', 'PT2H'),
    endEvent('waited'),
    endEvent('reviewed'),
    flow('start', 'fork'),
    flow('fork', 'review'),
    flow('fork', 'wait'),
    flow('review', 'reviewed'),
    flow('remind', 'reminded'),
    flow('wait', 'waited'),
  ]);

/**
 * Version 2 renames the elements, lengthens both timers (so a timer carried over fires at its old due date, a new
 * one would not) and archives after the approval.
 */
const version2 = (processId: string) =>
  processXml(processId, [
    startEvent('start'),
    fork('fork'),
    userTask('approve', { name: 'Approve' }),
    reminder('remind2', 'approve', 'PT5H'),
    endEvent('reminded2'),
    timerCatch('wait2', 'PT9H'),
    endEvent('waited2'),
    serviceTask('archive', 'migration-archive'),
    endEvent('archived'),
    flow('start', 'fork'),
    flow('fork', 'approve'),
    flow('fork', 'wait2'),
    flow('approve', 'archive'),
    flow('archive', 'archived'),
    flow('remind2', 'reminded2'),
    flow('wait2', 'waited2'),
  ]);

async function deploy(name: string, xml: string): Promise<string> {
  const deployed = await harness.zeebe.deployResource(processResource(name, xml));
  return deployed.deployments[0]!.process!.processDefinitionKey;
}

async function elementsOf(processInstanceKey: string) {
  const found = await harness.rest.searchElementInstances(
    loose({ filter: { processInstanceKey }, page: { limit: 100 } }),
    noWait,
  );
  return (found.items ?? []).map((item) => ({ elementId: item.elementId, state: item.state }));
}

async function postJson(path: string, body: unknown): Promise<{ status: number; detail: string }> {
  const response = await fetch(`${harness.restAddress}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    detail: text ? ((JSON.parse(text) as { detail?: string }).detail ?? '') : '',
  };
}

describe('process instance migration', () => {
  it('moves a user task and timers in flight to a new version over REST, keeping assignee and due dates', async () => {
    await deploy('mig-rest.bpmn', version1('mig-rest'));
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'mig-rest' }));
    const instanceKey = created.processInstanceKey;
    const task = await eventually(async () => {
      const tasks = await harness.rest.searchUserTasks(
        loose({ filter: { processInstanceKey: instanceKey } }),
        noWait,
      );
      expect(tasks.items).toHaveLength(1);
      return tasks.items[0]!;
    });
    await harness.rest.assignUserTask(loose({ userTaskKey: task.userTaskKey, assignee: 'lan' }));
    const targetKey = await deploy('mig-rest.bpmn', version2('mig-rest'));

    await harness.rest.migrateProcessInstance(
      loose({
        processInstanceKey: instanceKey,
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [
          { sourceElementId: 'review', targetElementId: 'approve' },
          { sourceElementId: 'remind', targetElementId: 'remind2' },
          { sourceElementId: 'wait', targetElementId: 'wait2' },
        ],
      }),
    );

    const instance = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: instanceKey }),
      noWait,
    );
    expect(instance).toMatchObject({ processDefinitionKey: targetKey, processDefinitionVersion: 2 });
    const migrated = await harness.rest.getUserTask(loose({ userTaskKey: task.userTaskKey }), noWait);
    expect(migrated).toMatchObject({
      elementId: 'approve',
      assignee: 'lan',
      processDefinitionKey: targetKey,
      processDefinitionVersion: 2,
      state: 'CREATED',
    });
    expect(await elementsOf(instanceKey)).toEqual(
      expect.arrayContaining([
        { elementId: 'approve', state: 'ACTIVE' },
        { elementId: 'wait2', state: 'ACTIVE' },
      ]),
    );

    // What migration wrote is durable: the engine restarts from its database and carries on in version 2.
    await harness.restart();
    // Carried over: the reminder fires 1 h after creation and the wait after 2 h, not at version 2's 5 h and 9 h.
    harness.clock.advance(hour);
    await eventually(async () =>
      expect(await elementsOf(instanceKey)).toContainEqual({ elementId: 'reminded2', state: 'COMPLETED' }),
    );
    harness.clock.advance(hour);
    await eventually(async () =>
      expect(await elementsOf(instanceKey)).toContainEqual({ elementId: 'waited2', state: 'COMPLETED' }),
    );

    // The task completes on version 2's path: on to the archive job.
    await harness.rest.completeUserTask(loose({ userTaskKey: task.userTaskKey }));
    await eventually(async () =>
      expect(await elementsOf(instanceKey)).toContainEqual({ elementId: 'archive', state: 'ACTIVE' }),
    );
  });

  it('moves an activated job over gRPC: the worker completes it and the instance goes on in the new version', async () => {
    const v1 = processXml('mig-job', [
      startEvent('start'),
      serviceTask('collect', 'migration-collect'),
      endEvent('end'),
      flow('start', 'collect'),
      flow('collect', 'end'),
    ]);
    const v2 = processXml('mig-job', [
      startEvent('start'),
      serviceTask('gather', 'migration-gather'),
      serviceTask('check', 'migration-check'),
      endEvent('end'),
      flow('start', 'gather'),
      flow('gather', 'check'),
      flow('check', 'end'),
    ]);
    await deploy('mig-job.bpmn', v1);
    const created = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'mig-job', variables: {} });
    const [job] = await eventually(async () => {
      const jobs = await harness.zeebe.activateJobs({
        type: 'migration-collect',
        worker: 'w',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: -1,
      });
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    const targetKey = await deploy('mig-job.bpmn', v2);

    await harness.zeebe.migrateProcessInstance({
      processInstanceKey: created.processInstanceKey,
      migrationPlan: {
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [{ sourceElementId: 'collect', targetElementId: 'gather' }],
      },
    });
    expect(await elementsOf(created.processInstanceKey)).toContainEqual({
      elementId: 'gather',
      state: 'ACTIVE',
    });

    await harness.restart();
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toEqual(
        expect.arrayContaining([
          { elementId: 'gather', state: 'COMPLETED' },
          { elementId: 'check', state: 'ACTIVE' },
        ]),
      ),
    );
  });

  it('carries a message subscription over: the message correlates to the new version', async () => {
    const waitFor = (eventId: string, next: string) =>
      processXml(
        'mig-message',
        [
          startEvent('start'),
          element('bpmn:intermediateCatchEvent', { id: eventId }, messageDefinition('approved')),
          serviceTask(next, `migration-${next}`),
          endEvent('end'),
          flow('start', eventId),
          flow(eventId, next),
          flow(next, 'end'),
        ],
        { roots: [message('approved', 'ho-so-duyet', '=dossier')] },
      );
    await deploy('mig-message.bpmn', waitFor('approval', 'file'));
    const created = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'mig-message', variables: { dossier: 'HS-42' } }),
    );
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'approval',
        state: 'ACTIVE',
      }),
    );
    const targetKey = await deploy('mig-message.bpmn', waitFor('approved2', 'archive2'));
    await harness.zeebe.migrateProcessInstance({
      processInstanceKey: created.processInstanceKey,
      migrationPlan: {
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [{ sourceElementId: 'approval', targetElementId: 'approved2' }],
      },
    });
    const correlated = await harness.rest.correlateMessage(
      loose({ name: 'ho-so-duyet', correlationKey: 'HS-42', variables: { approvedBy: 'lan' } }),
    );
    expect(correlated.processInstanceKey).toBe(created.processInstanceKey);
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toEqual(
        expect.arrayContaining([
          { elementId: 'approved2', state: 'COMPLETED' },
          { elementId: 'archive2', state: 'ACTIVE' },
        ]),
      ),
    );
  });

  it('carries a mapped boundary message over; it then behaves as the target boundary (interrupting)', async () => {
    const version = (task: string, recall: string, cancelActivity: boolean) =>
      processXml(
        'mig-recall',
        [
          startEvent('start'),
          userTask(task),
          element(
            'bpmn:boundaryEvent',
            { id: recall, attachedToRef: task, cancelActivity },
            messageDefinition('recallMsg'),
          ),
          endEvent('recalled'),
          endEvent('end'),
          flow('start', task),
          flow(task, 'end'),
          flow(recall, 'recalled'),
        ],
        { roots: [message('recallMsg', 'thu-hoi', '=dossier')] },
      );
    await deploy('mig-recall.bpmn', version('review', 'recall', false));
    const created = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'mig-recall', variables: { dossier: 'HS-9' } }),
    );
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'review',
        state: 'ACTIVE',
      }),
    );
    const targetKey = await deploy('mig-recall.bpmn', version('review2', 'recall2', true));
    await harness.rest.migrateProcessInstance(
      loose({
        processInstanceKey: created.processInstanceKey,
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [
          { sourceElementId: 'review', targetElementId: 'review2' },
          { sourceElementId: 'recall', targetElementId: 'recall2' },
        ],
      }),
    );
    await harness.rest.correlateMessage(loose({ name: 'thu-hoi', correlationKey: 'HS-9' }));
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toEqual(
        expect.arrayContaining([
          { elementId: 'review2', state: 'TERMINATED' },
          { elementId: 'recall2', state: 'COMPLETED' },
        ]),
      ),
    );
  });

  it('migrates an instance with a job incident: the incident moves and resolving it retries the job in the new version', async () => {
    const version = (taskId: string) =>
      processXml('mig-incident', [
        startEvent('start'),
        serviceTask(taskId, 'migration-incident', { retries: 1 }),
        endEvent('end'),
        flow('start', taskId),
        flow(taskId, 'end'),
      ]);
    await deploy('mig-incident.bpmn', version('send'));
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'mig-incident' }));
    const { jobs } = await harness.rest.activateJobs(
      loose({ type: 'migration-incident', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 2_000 }),
    );
    await harness.rest.failJob(
      loose({ jobKey: jobs[0]!.jobKey, retries: 0, errorMessage: 'máy chủ thư lỗi' }),
    );
    const incident = await eventually(async () => {
      const found = await harness.rest.searchIncidents(
        loose({ filter: { processInstanceKey: created.processInstanceKey } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items![0]!;
    });
    const targetKey = await deploy('mig-incident.bpmn', version('sendMail'));
    await harness.rest.migrateProcessInstance(
      loose({
        processInstanceKey: created.processInstanceKey,
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [{ sourceElementId: 'send', targetElementId: 'sendMail' }],
      }),
    );
    const moved = await harness.rest.getIncident(loose({ incidentKey: incident.incidentKey }), noWait);
    expect(moved).toMatchObject({ elementId: 'sendMail', processDefinitionKey: targetKey, state: 'ACTIVE' });

    await harness.rest.updateJob(loose({ jobKey: jobs[0]!.jobKey, changeset: { retries: 1 } }));
    await harness.rest.resolveIncident(loose({ incidentKey: incident.incidentKey }));
    const again = await harness.rest.activateJobs(
      loose({ type: 'migration-incident', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 2_000 }),
    );
    expect(again.jobs[0]).toMatchObject({
      jobKey: jobs[0]!.jobKey,
      elementId: 'sendMail',
      processDefinitionKey: targetKey,
    });
    await harness.rest.completeJob(loose({ jobKey: again.jobs[0]!.jobKey }));
    await eventually(async () =>
      expect(
        (
          await harness.rest.getProcessInstance(
            loose({ processInstanceKey: created.processInstanceKey }),
            noWait,
          )
        ).state,
      ).toBe('COMPLETED'),
    );
  });

  it('migrates a sub-process with a task inside; an unmapped boundary timer closes and the target’s own opens', async () => {
    const version = (stage: string, task: string, deadline: string, escalate: string) =>
      processXml('mig-stage', [
        startEvent('start'),
        element(
          'bpmn:subProcess',
          { id: stage },
          startEvent(`${stage}Start`),
          userTask(task),
          endEvent(`${stage}End`),
          flow(`${stage}Start`, task),
          flow(task, `${stage}End`),
        ),
        element(
          'bpmn:boundaryEvent',
          { id: deadline, attachedToRef: stage },
          timerDefinition('timeDuration', 'PT10H'),
        ),
        endEvent(escalate),
        endEvent('end'),
        flow('start', stage),
        flow(stage, 'end'),
        flow(deadline, escalate),
      ]);
    await deploy('mig-stage.bpmn', version('stage', 'draft', 'late', 'escalated'));
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'mig-stage' }));
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'draft',
        state: 'ACTIVE',
      }),
    );
    const v2 = version('stage2', 'draft2', 'late2', 'escalated2').replace('PT10H', 'PT1H');
    const targetKey = await deploy('mig-stage.bpmn', v2);
    await harness.rest.migrateProcessInstance(
      loose({
        processInstanceKey: created.processInstanceKey,
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [
          { sourceElementId: 'stage', targetElementId: 'stage2' },
          { sourceElementId: 'draft', targetElementId: 'draft2' },
        ],
      }),
    );
    expect(await elementsOf(created.processInstanceKey)).toEqual(
      expect.arrayContaining([
        { elementId: 'stage2', state: 'ACTIVE' },
        { elementId: 'draft2', state: 'ACTIVE' },
      ]),
    );
    // Version 2's 1 h deadline was opened at migration; version 1's 10 h one is gone.
    harness.clock.advance(hour);
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toEqual(
        expect.arrayContaining([
          { elementId: 'escalated2', state: 'COMPLETED' },
          { elementId: 'draft2', state: 'TERMINATED' },
        ]),
      ),
    );
  });

  describe('refuses what cannot be migrated, naming the reason, and changes nothing', () => {
    const refusals: {
      name: string;
      mapping: { sourceElementId: string; targetElementId: string }[];
      status: number;
      reason: string;
    }[] = [
      {
        name: 'an unmapped active element',
        mapping: [{ sourceElementId: 'wait', targetElementId: 'wait2' }],
        status: 409,
        reason: "no mapping instruction defined for active element with id 'review'",
      },
      {
        name: 'an element type change',
        mapping: [
          { sourceElementId: 'review', targetElementId: 'archive' },
          { sourceElementId: 'wait', targetElementId: 'wait2' },
        ],
        status: 409,
        reason:
          "active element with id 'review' and type 'USER_TASK' is mapped to an element with id 'archive' and different type 'SERVICE_TASK'",
      },
      {
        name: 'a source element that does not exist',
        mapping: [{ sourceElementId: 'nowhere', targetElementId: 'approve' }],
        status: 400,
        reason: "non-existing source element id 'nowhere'",
      },
      {
        name: 'a source element mapped twice',
        mapping: [
          { sourceElementId: 'review', targetElementId: 'approve' },
          { sourceElementId: 'review', targetElementId: 'archive' },
        ],
        status: 400,
        reason: "duplicate source element ids 'review'",
      },
      {
        name: 'a catch event mapped to one of another kind',
        mapping: [
          { sourceElementId: 'review', targetElementId: 'approve' },
          { sourceElementId: 'remind', targetElementId: 'wait2' },
          { sourceElementId: 'wait', targetElementId: 'wait2' },
        ],
        status: 409,
        reason: "the catch event 'remind' of active element 'review' is mapped to 'wait2'",
      },
    ];

    it.each(refusals)('$name', async ({ mapping, status, reason }) => {
      const processId = `mig-refuse-${refusals.findIndex((each) => each.reason === reason)}`;
      await deploy(`${processId}.bpmn`, version1(processId));
      const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: processId }));
      const sourceKey = created.processDefinitionKey;
      const targetKey = await deploy(`${processId}.bpmn`, version2(processId));
      await eventually(async () =>
        expect(await elementsOf(created.processInstanceKey)).toContainEqual({
          elementId: 'review',
          state: 'ACTIVE',
        }),
      );

      const refused = await postJson(`/v2/process-instances/${created.processInstanceKey}/migration`, {
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: mapping,
      });
      expect(refused.status).toBe(status);
      expect(refused.detail).toContain(reason);
      await expect(
        harness.zeebe.migrateProcessInstance({
          processInstanceKey: created.processInstanceKey,
          migrationPlan: { targetProcessDefinitionKey: targetKey, mappingInstructions: mapping },
        }),
      ).rejects.toThrow(reason);

      const unchanged = await harness.rest.getProcessInstance(
        loose({ processInstanceKey: created.processInstanceKey }),
        noWait,
      );
      expect(unchanged).toMatchObject({ processDefinitionKey: sourceKey, processDefinitionVersion: 1 });
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'review',
        state: 'ACTIVE',
      });
    });

    it('a flow scope change', async () => {
      await deploy('mig-scope.bpmn', version1('mig-scope'));
      const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'mig-scope' }));
      const nested = processXml('mig-scope', [
        startEvent('start'),
        element(
          'bpmn:subProcess',
          { id: 'stage' },
          startEvent('stageStart'),
          userTask('approve'),
          endEvent('stageEnd'),
          flow('stageStart', 'approve'),
          flow('approve', 'stageEnd'),
        ),
        timerCatch('wait2', 'PT2H'),
        endEvent('end'),
        flow('start', 'stage'),
        flow('stage', 'wait2'),
        flow('wait2', 'end'),
      ]);
      const targetKey = await deploy('mig-scope.bpmn', nested);
      await eventually(async () =>
        expect(await elementsOf(created.processInstanceKey)).toContainEqual({
          elementId: 'review',
          state: 'ACTIVE',
        }),
      );
      const refused = await postJson(`/v2/process-instances/${created.processInstanceKey}/migration`, {
        targetProcessDefinitionKey: targetKey,
        mappingInstructions: [
          { sourceElementId: 'review', targetElementId: 'approve' },
          { sourceElementId: 'wait', targetElementId: 'wait2' },
        ],
      });
      expect(refused).toEqual({
        status: 409,
        detail: expect.stringContaining(
          "the flow scope of active element with id 'review' is changed. The flow scope of the active element is expected to be 'mig-scope' but was 'stage'",
        ),
      });
    });

    it('an unknown instance or target definition: 404', async () => {
      await deploy('mig-404.bpmn', version1('mig-404'));
      const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'mig-404' }));
      const noTarget = await postJson(`/v2/process-instances/${created.processInstanceKey}/migration`, {
        targetProcessDefinitionKey: '2251799813999999',
        mappingInstructions: [],
      });
      expect(noTarget).toEqual({ status: 404, detail: expect.stringContaining("'2251799813999999'") });
      const noInstance = await postJson('/v2/process-instances/2251799813888888/migration', {
        targetProcessDefinitionKey: created.processDefinitionKey,
        mappingInstructions: [],
      });
      expect(noInstance).toEqual({ status: 404, detail: expect.stringContaining("'2251799813888888'") });
      const malformed = await postJson(`/v2/process-instances/${created.processInstanceKey}/migration`, {
        mappingInstructions: [],
      });
      expect(malformed.status).toBe(400);
    });
  });
});
