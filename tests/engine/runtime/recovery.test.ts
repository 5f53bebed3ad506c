import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, eventually, flow, serviceTask, startHarness, type Harness } from './engine-harness.js';

describe('restart on the same database', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('brings back instances, user tasks, activated jobs, timers, subscriptions, buffered messages and incidents', async () => {
    await h.engine.deploy([
      {
        name: 'durable.bpmn',
        content: bpmn(
          'durable',
          `<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
           <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="clerks"/></bpmn:extensionElements></bpmn:userTask>
           ${serviceTask('work', 'durable-work')}
           <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
           <bpmn:receiveTask id="later" messageRef="m2"/>
           <bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
           ${flow('f0', 's', 'fork')}${flow('f1', 'fork', 'review')}${flow('f2', 'fork', 'work')}${flow('f3', 'fork', 'wait')}${flow('f4', 'fork', 'msg')}
           ${flow('f5', 'review', 'join')}${flow('f6', 'work', 'join')}${flow('f7', 'wait', 'join')}${flow('f8', 'msg', 'later')}${flow('f9', 'later', 'join')}${flow('f10', 'join', 'e')}`,
          '<bpmn:message id="m" name="ping"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message><bpmn:message id="m2" name="pong"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message>',
        ),
      },
      {
        name: 'broken.bpmn',
        content: bpmn(
          'broken',
          `<bpmn:startEvent id="s"/>${serviceTask('t', 'broken-work')}<bpmn:endEvent id="e"/>${flow('f0', 's', 't')}${flow('f1', 't', 'e')}`,
        ),
      },
    ]);
    const created = await h.engine.createInstance({
      bpmnProcessId: 'durable',
      variables: { key: 'k1', nested: { 'a.b': 1 } },
    });
    const [job] = await h.engine.activateJobs({
      type: 'durable-work',
      worker: 'w',
      timeoutMs: 600_000,
      maxJobsToActivate: 1,
    });
    await h.engine.publishMessage({ name: 'pong', correlationKey: 'k1', timeToLiveMs: 7_200_000 });
    const broken = await h.engine.createInstance({ bpmnProcessId: 'broken' });
    const [brokenJob] = await h.engine.activateJobs({
      type: 'broken-work',
      worker: 'w',
      timeoutMs: 1000,
      maxJobsToActivate: 1,
    });
    await h.engine.failJob({ jobKey: brokenJob!.key, retries: 0, errorMessage: 'down' });

    const engine = await h.restart();

    const tasks = await engine.searchUserTasks({ filter: { candidateGroup: 'clerks', state: 'CREATED' } });
    expect(tasks.items.map((t) => t.processInstanceKey)).toEqual([created.processInstanceKey]);
    const variables = await engine.searchUserTaskVariables(tasks.items[0]!.userTaskKey, {});
    expect(variables.items.find((v) => v.name === 'nested')!.value).toBe('{"a.b":1}');
    // The activated job is still locked until its deadline passes, then activatable again.
    expect(
      await engine.activateJobs({ type: 'durable-work', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 }),
    ).toHaveLength(0);
    h.clock.advance(3_600_001);
    const [again] = await eventually(
      () =>
        engine.activateJobs({ type: 'durable-work', worker: 'w2', timeoutMs: 600_000, maxJobsToActivate: 1 }),
      (jobs) => jobs.length === 1,
    );
    expect(again!.key).toBe(job!.key);
    // The timer (1 h) fell due during the advance above: it fires once.
    await eventually(
      () =>
        engine
          .records(created.processInstanceKey)
          .filter((r) => r.elementId === 'wait' && r.intent === 'ELEMENT_COMPLETED').length,
      (n) => n === 1,
    );
    // Message subscription survived; the buffered message correlates to the receive task opened afterwards.
    await engine.publishMessage({ name: 'ping', correlationKey: 'k1' });
    await eventually(
      () =>
        engine
          .records(created.processInstanceKey)
          .filter((r) => r.elementId === 'later' && r.intent === 'ELEMENT_COMPLETED').length,
      (n) => n === 1,
    );
    await engine.completeJob(again!.key);
    await engine.completeUserTask(tasks.items[0]!.userTaskKey);
    const state = await engine.searchProcessInstances({
      filter: { processInstanceKey: created.processInstanceKey },
    });
    expect(state.items[0]!.state).toBe('COMPLETED');

    const incidents = await engine.searchIncidents({
      filter: { processInstanceKey: broken.processInstanceKey, state: 'ACTIVE' },
    });
    expect(incidents.items[0]).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'down' });
    await engine.updateJobRetries(brokenJob!.key, 1);
    await engine.resolveIncident(incidents.items[0]!.incidentKey);
    expect(
      await engine.activateJobs({ type: 'broken-work', worker: 'w', timeoutMs: 1000, maxJobsToActivate: 1 }),
    ).toHaveLength(1);

    // Keys keep increasing after a restart.
    const next = await engine.createInstance({ bpmnProcessId: 'broken' });
    expect(BigInt(next.processInstanceKey)).toBeGreaterThan(BigInt(broken.processInstanceKey));
  });
});
