import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const LOOP = 'count(for x in 1..100000000 return x) > 0';
const NESTED = 'count(for x in 1..1000, y in 1..1000 return x) > 0';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (harness) => {
    await harness.zeebe.deployResources([
      {
        name: 'feel-loop.bpmn',
        process: Buffer.from(
          processXml('feel-loop', [
            startEvent('start'),
            element('bpmn:exclusiveGateway', { id: 'decide' }),
            endEvent('yes'),
            flow('start', 'decide'),
            flow('decide', 'yes', { condition: '=if n = 1 then ' + LOOP + ' else ' + NESTED }),
          ]),
        ),
      },
    ]);
  },
);

describe('FEEL budget over the wire', () => {
  it('a runaway condition raises an incident naming the expression and the limit, without stalling the engine', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const created = await Promise.all(
      [1, 2].map((n) =>
        harness.zeebe.createProcessInstance({ bpmnProcessId: 'feel-loop', variables: { n } }),
      ),
    );
    const topology = await harness.zeebe.topology();
    expect(topology.brokers).toHaveLength(1);
    for (const { processInstanceKey } of created) {
      await eventually(async () => {
        const incidents = await harness.rest.searchIncidents(
          loose({ filter: { processInstanceKey } }),
          noWait,
        );
        const items = incidents.items ?? [];
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ elementId: 'decide', state: 'ACTIVE' });
        const message = items[0]!.errorMessage;
        expect(message).toContain('stopped evaluating expression');
        expect(message).toMatch(/ENGINE_FEEL_MAX_(STEPS|ITEMS)/);
        expect(message).toContain('count(for x in 1..');
      });
    }
    const elapsed = performance.now() - started;
    delay.disable();
    const worstDelayMs = delay.max / 1e6;
    console.log(
      `two runaway FEEL conditions: incidents after ${elapsed.toFixed(0)} ms, ` +
        `worst event-loop delay ${worstDelayMs.toFixed(1)} ms`,
    );
    // Without the budget the first one held the event loop for 35 s and then ran out of heap.
    expect(worstDelayMs).toBeLessThan(1_000);
    const instance = await harness.rest.getProcessInstance(
      loose({ processInstanceKey: created[0]!.processInstanceKey }),
      noWait,
    );
    expect(instance).toMatchObject({ state: 'ACTIVE', hasIncident: true });
  });
});
