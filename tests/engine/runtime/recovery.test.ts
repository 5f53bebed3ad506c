import { describe, expect, it } from 'vitest';
import {
  bpmnFile,
  element,
  endEvent,
  extensions,
  flow,
  message,
  messageDefinition,
  pollUntil,
  serviceTask,
  startEvent,
  text,
  useEngineCore,
} from '../../support/harness/index.js';

describe('restart on the same database', () => {
  const h = useEngineCore();

  it('brings back instances, user tasks, activated jobs, timers, subscriptions, buffered messages and incidents', async () => {
    await h.engine.deploy([
      bpmnFile(
        'durable',
        [
          startEvent('s'),
          element('bpmn:parallelGateway', { id: 'fork' }),
          element(
            'bpmn:userTask',
            { id: 'review' },
            extensions(
              element('zeebe:userTask'),
              element('zeebe:assignmentDefinition', { candidateGroups: 'clerks' }),
            ),
          ),
          serviceTask('work', 'durable-work'),
          element(
            'bpmn:intermediateCatchEvent',
            { id: 'wait' },
            element('bpmn:timerEventDefinition', {}, element('bpmn:timeDuration', {}, text('PT1H'))),
          ),
          element('bpmn:intermediateCatchEvent', { id: 'msg' }, messageDefinition('m')),
          element('bpmn:receiveTask', { id: 'later', messageRef: 'm2' }),
          element('bpmn:parallelGateway', { id: 'join' }),
          endEvent('e'),
          flow('s', 'fork', { id: 'f0' }),
          flow('fork', 'review', { id: 'f1' }),
          flow('fork', 'work', { id: 'f2' }),
          flow('fork', 'wait', { id: 'f3' }),
          flow('fork', 'msg', { id: 'f4' }),
          flow('review', 'join', { id: 'f5' }),
          flow('work', 'join', { id: 'f6' }),
          flow('wait', 'join', { id: 'f7' }),
          flow('msg', 'later', { id: 'f8' }),
          flow('later', 'join', { id: 'f9' }),
          flow('join', 'e', { id: 'f10' }),
        ],
        {
          roots: [message('m', 'ping', '=key'), message('m2', 'pong', '=key')],
        },
      ),
      bpmnFile('broken', [
        startEvent('s'),
        serviceTask('t', 'broken-work'),
        endEvent('e'),
        flow('s', 't', { id: 'f0' }),
        flow('t', 'e', { id: 'f1' }),
      ]),
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
    const [again] = await pollUntil(
      () =>
        engine.activateJobs({ type: 'durable-work', worker: 'w2', timeoutMs: 600_000, maxJobsToActivate: 1 }),
      (jobs) => jobs.length === 1,
    );
    expect(again!.key).toBe(job!.key);
    // The timer (1 h) fell due during the advance above: it fires once.
    await pollUntil(
      () =>
        engine
          .records(created.processInstanceKey)
          .filter((r) => r.elementId === 'wait' && r.intent === 'ELEMENT_COMPLETED').length,
      (n) => n === 1,
    );
    // Message subscription survived; the buffered message correlates to the receive task opened afterwards.
    await engine.publishMessage({ name: 'ping', correlationKey: 'k1' });
    await pollUntil(
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
