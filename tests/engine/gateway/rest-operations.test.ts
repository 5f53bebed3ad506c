import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  bpmnError,
  element,
  endEvent,
  errorDefinition,
  eventually,
  extensions,
  flow,
  loose,
  noWait,
  oneTaskProcess,
  processResource,
  processXml,
  serviceTask,
  signal,
  signalDefinition,
  startEvent,
  timerDefinition,
  userTask,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({
  clock: '2026-03-01T01:00:00.000Z',
  profile: IMMEDIATE_READS,
  engine: { clockControlled: true },
});

async function deploy(name: string, xml: string) {
  const deployed = await harness.zeebe.deployResource(processResource(name, xml));
  return deployed.deployments[0]!.process!;
}

async function elementsOf(processInstanceKey: string) {
  const found = await harness.rest.searchElementInstances(
    loose({ filter: { processInstanceKey }, page: { limit: 100 } }),
    noWait,
  );
  return (found.items ?? []).map((item) => ({ elementId: item.elementId, state: item.state }));
}

async function instanceState(processInstanceKey: string): Promise<string> {
  return (await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
}

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${harness.restAddress}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('REST v2 jobs', () => {
  it('activates, fails, and completes jobs; activation long-polls until a job is there', async () => {
    await deploy('rest-jobs.bpmn', oneTaskProcess('rest-jobs', 'rest-jobs-work'));
    const empty = await harness.rest.activateJobs(
      loose({ type: 'rest-jobs-work', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 }),
    );
    expect(empty.jobs).toEqual([]);

    const polling = harness.rest.activateJobs(
      loose({
        type: 'rest-jobs-work',
        worker: 'rest-worker',
        timeout: 60_000,
        maxJobsToActivate: 5,
        requestTimeout: 5_000,
      }),
    );
    const created = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'rest-jobs', variables: { dossier: 'HS-7' } }),
    );
    const { jobs } = await polling;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      type: 'rest-jobs-work',
      worker: 'rest-worker',
      processInstanceKey: created.processInstanceKey,
      elementId: 'task',
      retries: 3,
      variables: { dossier: 'HS-7' },
      kind: 'BPMN_ELEMENT',
    });

    await harness.rest.failJob(
      loose({ jobKey: jobs[0]!.jobKey, retries: 2, errorMessage: 'máy chủ bận', retryBackOff: 0 }),
    );
    const again = await eventually(async () => {
      const next = await harness.rest.activateJobs(
        loose({ type: 'rest-jobs-work', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 }),
      );
      expect(next.jobs).toHaveLength(1);
      return next.jobs[0]!;
    });
    expect(again).toMatchObject({ jobKey: jobs[0]!.jobKey, retries: 2 });

    const withResult = await send('POST', `/v2/jobs/${again.jobKey}/completion`, {
      result: { type: 'userTask', denied: true },
    });
    expect(withResult.status).toBe(400);
    expect(String(withResult.body?.detail)).toContain('task listeners');
    await harness.rest.completeJob(loose({ jobKey: again.jobKey, variables: { done: true } }));
    await eventually(async () => expect(await instanceState(created.processInstanceKey)).toBe('COMPLETED'));
    const repeated = await send('POST', `/v2/jobs/${again.jobKey}/completion`, {});
    expect(repeated.status).toBe(404);
  });

  it('throws a BPMN error from a job to its boundary event', async () => {
    const xml = processXml(
      'rest-job-error',
      [
        startEvent('start'),
        serviceTask('check', 'rest-job-error-check'),
        element('bpmn:boundaryEvent', { id: 'rejected', attachedToRef: 'check' }, errorDefinition('err')),
        endEvent('ok'),
        endEvent('refused'),
        flow('start', 'check'),
        flow('check', 'ok'),
        flow('rejected', 'refused'),
      ],
      { roots: [bpmnError('err', 'HO_SO_THIEU')] },
    );
    await deploy('rest-job-error.bpmn', xml);
    const created = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'rest-job-error' }),
    );
    const { jobs } = await harness.rest.activateJobs(
      loose({ type: 'rest-job-error-check', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 2_000 }),
    );
    await harness.rest.throwJobError(
      loose({ jobKey: jobs[0]!.jobKey, errorCode: 'HO_SO_THIEU', errorMessage: 'thiếu biên bản' }),
    );
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'refused',
        state: 'COMPLETED',
      }),
    );
    const refused = await send('POST', '/v2/jobs/123/error', { errorMessage: 'no code' });
    expect(refused.status).toBe(400);
  });
});

describe('REST v2 clock', () => {
  it('pins the clock so a timer due by then fires, and resets it', async () => {
    const xml = processXml('rest-clock', [
      startEvent('start'),
      element('bpmn:intermediateCatchEvent', { id: 'wait' }, timerDefinition('timeDuration', 'PT3H')),
      endEvent('end'),
      flow('start', 'wait'),
      flow('wait', 'end'),
    ]);
    await deploy('rest-clock.bpmn', xml);
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-clock' }));
    const now = harness.clock.now();
    await harness.rest.pinClock(loose({ timestamp: now + 3 * 3_600_000 }));
    await eventually(async () => expect(await instanceState(created.processInstanceKey)).toBe('COMPLETED'));
    const pinnedStart = await harness.rest.createProcessInstance(
      loose({ processDefinitionId: 'rest-clock' }),
    );
    const started = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: pinnedStart.processInstanceKey }),
      noWait,
    );
    expect(Date.parse(started.startDate)).toBe(now + 3 * 3_600_000);

    await harness.rest.resetClock();
    const afterReset = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-clock' }));
    const resetStarted = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: afterReset.processInstanceKey }),
      noWait,
    );
    expect(Date.parse(resetStarted.startDate)).toBe(harness.clock.now());
    expect((await send('PUT', '/v2/clock', { timestamp: 'soon' })).status).toBe(400);
  });
});

describe("Zeebe's tolerance at deploy", () => {
  /** A diagram whose shape and edge point at elements deleted from the process, as a modeler may leave behind. */
  const staleDiagram = element(
    'bpmndi:BPMNDiagram',
    { id: 'diagram' },
    element(
      'bpmndi:BPMNPlane',
      { id: 'plane', bpmnElement: 'rest-stale-di' },
      element(
        'bpmndi:BPMNShape',
        { id: 'task_di', bpmnElement: 'task' },
        element('dc:Bounds', { x: 0, y: 0, width: 100, height: 80 }),
      ),
      element(
        'bpmndi:BPMNShape',
        { id: 'deleted_di', bpmnElement: 'deletedTask' },
        element('dc:Bounds', { x: 200, y: 0, width: 100, height: 80 }),
      ),
      element(
        'bpmndi:BPMNEdge',
        { id: 'deletedFlow_di', bpmnElement: 'Flow_deleted' },
        element('di:waypoint', { x: 100, y: 40 }),
        element('di:waypoint', { x: 200, y: 40 }),
      ),
    ),
  );

  it('deploys a process whose diagram references deleted elements, over REST and gRPC, and runs it', async () => {
    const xml = processXml(
      'rest-stale-di',
      [
        startEvent('start'),
        serviceTask('task', 'rest-stale-di-work'),
        endEvent('end'),
        flow('start', 'task'),
        flow('task', 'end'),
      ],
      { roots: staleDiagram },
    );
    const overRest = await harness.rest.createDeployment({
      resources: loose([new File([xml], 'rest-stale-di.bpmn', { type: 'application/xml' })]),
    });
    expect(overRest.processes[0]).toMatchObject({
      processDefinitionId: 'rest-stale-di',
      processDefinitionVersion: 1,
    });
    const overGrpc = await harness.zeebe.deployResource(
      processResource('rest-stale-di-2.bpmn', xml.replace(/rest-stale-di/g, 'rest-stale-di-2')),
    );
    expect(overGrpc.deployments[0]!.process!.bpmnProcessId).toBe('rest-stale-di-2');
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-stale-di' }));
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'task',
        state: 'ACTIVE',
      }),
    );
  });

  it('still refuses a sequence flow to a missing element, naming it', async () => {
    const broken = processXml('rest-missing-target', [startEvent('start'), flow('start', 'ghost')]);
    const form = new FormData();
    form.append('resources', new Blob([broken]), 'missing.bpmn');
    const response = await fetch(`${harness.restAddress}/v2/deployments`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('ghost');
  });
});

describe('REST v2 resources, modification and signals', () => {
  it('reads, serves and deletes a deployed resource', async () => {
    const definition = await deploy(
      'rest-resource.bpmn',
      oneTaskProcess('rest-resource', 'rest-resource-work'),
    );
    const key = definition.processDefinitionKey;
    const resource = await harness.rest.getResource(loose({ resourceKey: key }));
    expect(resource).toMatchObject({ resourceKey: key, resourceId: 'rest-resource', version: 1 });
    const content = await send('GET', `/v2/resources/${key}/content`);
    expect(content.status).toBe(200);
    await harness.rest.deleteResource(loose({ resourceKey: key }));
    expect((await send('GET', `/v2/resources/${key}`)).status).toBe(404);
    expect((await send('POST', `/v2/resources/${key}/deletion`, {})).status).toBe(404);
  });

  it('modifies an instance: activates an element with variables and terminates another', async () => {
    const xml = processXml('rest-modify', [
      startEvent('start'),
      userTask('draft'),
      userTask('approve'),
      endEvent('end'),
      flow('start', 'draft'),
      flow('draft', 'approve'),
      flow('approve', 'end'),
    ]);
    await deploy('rest-modify.bpmn', xml);
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-modify' }));
    const draft = await eventually(async () => {
      const items = (
        await harness.rest.searchElementInstances(
          loose({ filter: { processInstanceKey: created.processInstanceKey, elementId: 'draft' } }),
          noWait,
        )
      ).items;
      expect(items).toHaveLength(1);
      return items![0]!;
    });
    await harness.rest.modifyProcessInstance(
      loose({
        processInstanceKey: created.processInstanceKey,
        activateInstructions: [
          { elementId: 'approve', variableInstructions: [{ variables: { skipped: true } }] },
        ],
        terminateInstructions: [{ elementInstanceKey: draft.elementInstanceKey }],
      }),
    );
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toEqual(
        expect.arrayContaining([
          { elementId: 'draft', state: 'TERMINATED' },
          { elementId: 'approve', state: 'ACTIVE' },
        ]),
      ),
    );
    const refused = await send('POST', `/v2/process-instances/${created.processInstanceKey}/modification`, {
      activateInstructions: [{ elementId: 'nowhere' }],
    });
    expect(refused.status).toBe(400);
    expect(String(refused.body?.detail)).toContain("'nowhere'");
  });

  it('broadcasts a signal with variables to a waiting catch event', async () => {
    const xml = processXml(
      'rest-signal',
      [
        startEvent('start'),
        element('bpmn:intermediateCatchEvent', { id: 'announced' }, signalDefinition('sig')),
        endEvent('end'),
        flow('start', 'announced'),
        flow('announced', 'end'),
      ],
      { roots: [signal('sig', 'cong-bo-ket-qua')] },
    );
    await deploy('rest-signal.bpmn', xml);
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-signal' }));
    await eventually(async () =>
      expect(await elementsOf(created.processInstanceKey)).toContainEqual({
        elementId: 'announced',
        state: 'ACTIVE',
      }),
    );
    const broadcast = await harness.rest.broadcastSignal(
      loose({ signalName: 'cong-bo-ket-qua', variables: { ketQua: 'đạt' } }),
    );
    expect(broadcast.signalKey).toMatch(/^\d+$/);
    await eventually(async () => expect(await instanceState(created.processInstanceKey)).toBe('COMPLETED'));
    const variables = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey: created.processInstanceKey, name: 'ketQua' } }),
      noWait,
    );
    expect(variables.items[0]?.value).toBe('"đạt"');
  });
});

describe('REST v2 clock of an engine whose clock is not controlled', () => {
  // Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
  const plain = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

  it('refuses to pin or reset it, naming the setting', async () => {
    for (const [method, path, body] of [
      ['PUT', '/v2/clock', { timestamp: 1 }],
      ['POST', '/v2/clock/reset', undefined],
    ] as const) {
      const response = await fetch(`${plain.restAddress}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { detail: string }).detail).toContain('ENGINE_CLOCK_CONTROLLED');
    }
    expect(plain.clock.now()).toBe(Date.parse('2026-03-01T01:00:00.000Z'));
  });
});

describe('REST v2 status, start forms and an instance’s incidents', () => {
  it('answers the status, the absent start form and the incidents of one instance', async () => {
    await harness.rest.getStatus();
    expect((await send('GET', '/v2/status')).status).toBe(204);

    const definition = await deploy(
      'rest-incidents.bpmn',
      oneTaskProcess('rest-incidents', 'rest-incidents-work', 1),
    );
    expect(
      (await send('GET', `/v2/process-definitions/${definition.processDefinitionKey}/form`)).status,
    ).toBe(204);
    expect((await send('GET', '/v2/process-definitions/2251799813999999/form')).status).toBe(404);

    const [first, second] = [
      await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-incidents' })),
      await harness.rest.createProcessInstance(loose({ processDefinitionId: 'rest-incidents' })),
    ];
    const { jobs } = await harness.rest.activateJobs(
      loose({ type: 'rest-incidents-work', timeout: 60_000, maxJobsToActivate: 2, requestTimeout: 2_000 }),
    );
    for (const job of jobs)
      await harness.rest.failJob(loose({ jobKey: job.jobKey, retries: 0, errorMessage: 'hỏng' }));
    const incidents = await eventually(async () => {
      const found = await harness.rest.searchProcessInstanceIncidents(
        loose({ processInstanceKey: first!.processInstanceKey, filter: { errorType: 'JOB_NO_RETRIES' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found;
    });
    expect(incidents.items![0]).toMatchObject({
      processInstanceKey: first!.processInstanceKey,
      errorMessage: 'hỏng',
    });
    expect(incidents.page.totalItems).toBe(1);
    const others = await harness.rest.searchIncidents(
      loose({ filter: { processDefinitionKey: definition.processDefinitionKey } }),
      noWait,
    );
    expect(others.items!.map((item) => item.processInstanceKey).sort()).toEqual(
      [first!.processInstanceKey, second!.processInstanceKey].sort(),
    );
  });
});

describe('REST v2 call hierarchy', () => {
  it('answers an instance’s ancestry through call activities, root first', async () => {
    const calling = (processId: string, calledId: string) =>
      processXml(processId, [
        startEvent('start'),
        element(
          'bpmn:callActivity',
          { id: 'call' },
          extensions(element('zeebe:calledElement', { processId: calledId })),
        ),
        endEvent('end'),
        flow('start', 'call'),
        flow('call', 'end'),
      ]);
    await deploy(
      'hier-leaf.bpmn',
      processXml('hier-leaf', [
        startEvent('start'),
        userTask('sign'),
        endEvent('end'),
        flow('start', 'sign'),
        flow('sign', 'end'),
      ]),
    );
    await deploy('hier-middle.bpmn', calling('hier-middle', 'hier-leaf'));
    await deploy('hier-root.bpmn', calling('hier-root', 'hier-middle'));
    const root = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'hier-root' }));
    const leaf = await eventually(async () => {
      const found = await harness.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'hier-leaf' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items![0]!;
    });
    const hierarchy = await harness.rest.getProcessInstanceCallHierarchy(
      loose({ processInstanceKey: leaf.processInstanceKey }),
      noWait,
    );
    expect(hierarchy.map((entry) => entry.processDefinitionName)).toEqual([
      'hier-root',
      'hier-middle',
      'hier-leaf',
    ]);
    expect(hierarchy[0]!.processInstanceKey).toBe(root.processInstanceKey);
    expect(hierarchy[2]!.processInstanceKey).toBe(leaf.processInstanceKey);
    expect((await send('GET', '/v2/process-instances/2251799813999999/call-hierarchy')).status).toBe(404);
  });
});
