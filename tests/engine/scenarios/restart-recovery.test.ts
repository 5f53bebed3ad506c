import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
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
  userTaskProcess,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      { name: 'rec-job.bpmn', process: Buffer.from(oneTaskProcess('rec-job', 'rec-job')) },
      {
        name: 'rec-user.bpmn',
        process: Buffer.from(userTaskProcess('rec-user', { candidateGroups: 'van-phong' })),
      },
      {
        name: 'rec-timer.bpmn',
        process: Buffer.from(
          processXml('rec-timer', [
            startEvent('start'),
            element('bpmn:intermediateCatchEvent', { id: 'wait' }, timerDefinition('timeDuration', 'PT1H')),
            endEvent('end'),
            flow('start', 'wait'),
            flow('wait', 'end'),
          ]),
        ),
      },
    ]);
  },
);

async function state(processInstanceKey: string): Promise<string> {
  return (await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
}

describe('restart recovery through the protocols', () => {
  it('keeps instances, jobs, user tasks, timers and buffered messages; the worker carries on', async () => {
    const handled: number[] = [];
    const worker = harness.zeebe.createWorker({
      taskType: 'rec-job',
      taskHandler: (job) => {
        handled.push(Number(job.variables.n));
        return job.complete();
      },
    });
    try {
      const before = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'rec-job',
        variables: { n: 1 },
      });
      await eventually(async () => expect(await state(before.processInstanceKey)).toBe('COMPLETED'));

      const waitingUser = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'rec-user',
        variables: { doc: 'x' },
      });
      const waitingTimer = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'rec-timer',
        variables: {},
      });
      await harness.zeebe.publishMessage({
        name: 'rec-buffered',
        correlationKey: 'k',
        timeToLive: 3_600_000,
        messageId: 'once',
        variables: {},
      });

      await harness.restart();

      // The same worker object reconnects to the new engine on the same address and keeps working.
      const after = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'rec-job',
        variables: { n: 2 },
      });
      await eventually(async () => expect(await state(after.processInstanceKey)).toBe('COMPLETED'), 15_000);
      expect(handled).toEqual([1, 2]);

      expect(await state(waitingUser.processInstanceKey)).toBe('ACTIVE');
      const tasks = await harness.rest.searchUserTasks(
        loose({ filter: { processInstanceKey: waitingUser.processInstanceKey } }),
        noWait,
      );
      expect(tasks.items).toHaveLength(1);
      expect(tasks.items[0]).toMatchObject({ state: 'CREATED', candidateGroups: ['van-phong'] });
      await harness.rest.completeUserTask(loose({ userTaskKey: tasks.items[0]!.userTaskKey }));
      await eventually(async () => expect(await state(waitingUser.processInstanceKey)).toBe('COMPLETED'));

      // The buffered message's id is still taken (checked before the clock moves past its time to live).
      await expect(
        harness.zeebe.publishMessage({
          name: 'rec-buffered',
          correlationKey: 'k',
          timeToLive: 3_600_000,
          messageId: 'once',
          variables: {},
        }),
      ).rejects.toMatchObject({ code: 6 });

      // A timer that fell due while the engine was down fires once after start.
      expect(await state(waitingTimer.processInstanceKey)).toBe('ACTIVE');
      harness.clock.advance(3_600_000 + 1_000);
      await eventually(async () => expect(await state(waitingTimer.processInstanceKey)).toBe('COMPLETED'));
    } finally {
      await worker.close();
    }
  });

  it('makes an activated job whose timeout passed during the downtime activatable again', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'rec-job',
      variables: { n: 3 },
    });
    // A client takes the job and "dies" with it.
    const [taken] = await eventually(async () => {
      const jobs = await harness.zeebe.activateJobs({
        type: 'rec-job',
        worker: 'doomed',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: 1_000,
      });
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(taken?.processInstanceKey).toBe(processInstanceKey);
    await harness.restart();
    harness.clock.advance(61_000);
    const [again] = await eventually(async () => {
      const jobs = await harness.zeebe.activateJobs({
        type: 'rec-job',
        worker: 'heir',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: 1_000,
      });
      expect(jobs).toHaveLength(1);
      return jobs;
    }, 10_000);
    expect(again?.key).toBe(taken?.key);
    await harness.zeebe.completeJob({ jobKey: again!.key, variables: {} });
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
  });
});
