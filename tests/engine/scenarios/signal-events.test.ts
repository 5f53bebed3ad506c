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
  signal,
  signalDefinition,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const alert = signal('Signal_alert', 'storm-alert');

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      {
        name: 'sig-catch.bpmn',
        process: Buffer.from(
          processXml(
            'sig-catch',
            [
              startEvent('start'),
              element('bpmn:intermediateCatchEvent', { id: 'alert' }, signalDefinition('Signal_alert')),
              endEvent('end'),
              flow('start', 'alert'),
              flow('alert', 'end'),
            ],
            { roots: alert },
          ),
        ),
      },
      {
        name: 'sig-start.bpmn',
        process: Buffer.from(
          processXml(
            'sig-start',
            [startEvent('start', signalDefinition('Signal_alert')), endEvent('end'), flow('start', 'end')],
            { roots: alert },
          ),
        ),
      },
    ]);
  },
);

describe('signal events', () => {
  it('a broadcast signal resumes every waiting instance and starts signal-start processes', async () => {
    const waiting = await Promise.all(
      [1, 2].map(() => harness.zeebe.createProcessInstance({ bpmnProcessId: 'sig-catch', variables: {} })),
    );
    const broadcast = await harness.zeebe.broadcastSignal({
      signalName: 'storm-alert',
      variables: { level: 3 },
    });
    expect(broadcast.key).toMatch(/^\d+$/);
    for (const { processInstanceKey } of waiting) {
      await eventually(async () => {
        const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
        expect(instance.state).toBe('COMPLETED');
      });
    }
    const started = await eventually(async () => {
      const found = await harness.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'sig-start' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items;
    });
    const level = await harness.rest.searchVariables(
      loose({ filter: { processInstanceKey: started[0]!.processInstanceKey, name: 'level' } }),
      noWait,
    );
    expect(level.items[0]?.value).toBe('3');
  });

  it('broadcasts over REST too', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'sig-catch',
      variables: {},
    });
    const result = await harness.rest.broadcastSignal(loose({ signalName: 'storm-alert' }));
    expect(result.signalKey).toMatch(/^\d+$/);
    await eventually(async () => {
      const instance = await harness.rest.getProcessInstance(loose({ processInstanceKey }), noWait);
      expect(instance.state).toBe('COMPLETED');
    });
  });
});
