import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  endEvent,
  eventually,
  flow,
  loose,
  noWait,
  processXml,
  serviceTask,
  startEvent,
  timerDefinition,
  useTestEngine,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      {
        name: 'tm-wait.bpmn',
        process: Buffer.from(
          processXml('tm-wait', [
            startEvent('start'),
            element(
              'bpmn:intermediateCatchEvent',
              { id: 'wait3days' },
              timerDefinition('timeDuration', 'P3D'),
            ),
            endEvent('end'),
            flow('start', 'wait3days'),
            flow('wait3days', 'end'),
          ]),
        ),
      },
      {
        name: 'tm-deadline.bpmn',
        process: Buffer.from(
          processXml('tm-deadline', [
            startEvent('start'),
            serviceTask('task', 'tm-deadline'),
            element(
              'bpmn:boundaryEvent',
              { id: 'overdue', attachedToRef: 'task' },
              timerDefinition('timeDuration', '=deadline'),
            ),
            endEvent('end'),
            endEvent('endOverdue'),
            flow('start', 'task'),
            flow('task', 'end'),
            flow('overdue', 'endOverdue'),
          ]),
        ),
      },
    ]);
  },
);

async function state(processInstanceKey: string): Promise<string> {
  return (await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait)).state;
}

describe('timer events on the engine clock', () => {
  it('an intermediate timer waits for its duration on the controllable clock, not wall time', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'tm-wait',
      variables: {},
    });
    harness.clock.advance(2 * 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await state(processInstanceKey)).toBe('ACTIVE');
    harness.clock.advance(86_400_000 + 1_000);
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
  });

  it('an interrupting timer boundary with a FEEL duration cancels the task and its job', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'tm-deadline',
      variables: { deadline: 'PT2H' },
    });
    const [job] = await harness.zeebe.activateJobs({
      type: 'tm-deadline',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 86_400_000,
      requestTimeout: 2_000,
    });
    expect(job).toBeDefined();
    harness.clock.advance(2 * 3_600_000 + 1_000);
    await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
    const overdue = await harness.rest.searchElementInstances(
      loose({ filter: { processInstanceKey, elementId: 'endOverdue' } }),
      noWait,
    );
    expect(overdue.items).toHaveLength(1);
    await expect(harness.zeebe.completeJob({ jobKey: job!.key, variables: {} })).rejects.toMatchObject({
      code: 5,
    });
  });
});
