/**
 * Issue 11, point 5: no timer shorter than the floor (ENGINE_TIMER_FLOOR_MS, 1 s by default). `R/PT0.001S` on a
 * start event used to create about 550 instances a second. Static timers are refused at deploy naming the
 * element; a FEEL timer whose value is below the floor raises an incident on its element.
 */
import { describe, expect, it } from 'vitest';
import {
  element,
  endEvent,
  eventually,
  flow,
  loose,
  noWait,
  processResource,
  processXml,
  startEvent,
  timerDefinition,
  useTestEngine,
} from '../../support/harness/index.js';

const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z' });

const timerStart = (processId: string, cycle: string) =>
  processXml(processId, [
    element('bpmn:startEvent', { id: 'tick' }, timerDefinition('timeCycle', cycle)),
    endEvent('e'),
    flow('tick', 'e'),
  ]);

const timerCatch = (processId: string, value: string) =>
  processXml(processId, [
    startEvent('s'),
    element('bpmn:intermediateCatchEvent', { id: 'wait' }, timerDefinition('timeDuration', value)),
    endEvent('e'),
    flow('s', 'wait'),
    flow('wait', 'e'),
  ]);

describe('timer floor', () => {
  it('refuses a timer start cycle R/PT0.001S at deploy, naming the element and the floor', async () => {
    await expect(
      harness.zeebe.deployResource({
        name: 'fast.bpmn',
        process: Buffer.from(timerStart('fast', 'R/PT0.001S')),
      }),
    ).rejects.toMatchObject({
      code: 3,
      details: expect.stringMatching(
        /'tick'.*1 ms, below the engine's timer floor of 1000 ms \(ENGINE_TIMER_FLOOR_MS\)/,
      ),
    });
    const form = new FormData();
    form.append('resources', new Blob([timerCatch('short', 'PT0.5S')]), 'short.bpmn');
    const response = await fetch(`${harness.restAddress}/v2/deployments`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /'wait'.*500 ms.*ENGINE_TIMER_FLOOR_MS/,
    );
  });

  it('allows a cron cycle firing every second at the default floor of 1 s', async () => {
    // Six-field cron: every second. At the default floor (1 s) it is allowed.
    await harness.zeebe.deployResource({
      name: 'cron.bpmn',
      process: Buffer.from(timerStart('cron', '* * * * * *')),
    });
  });

  it('accepts timers at the floor and above', async () => {
    await harness.zeebe.deployResources([
      processResource('ok1.bpmn', timerStart('ok1', 'R/PT1S')),
      processResource('ok2.bpmn', timerCatch('ok2', 'PT1S')),
    ]);
  });

  it('raises an incident naming the floor when a FEEL timer evaluates below it', async () => {
    await harness.zeebe.deployResources([processResource('dynamic.bpmn', timerCatch('dynamic', '=delay'))]);
    const created = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'dynamic',
      variables: { delay: 'PT0.01S' },
    });
    await eventually(async () => {
      const incidents = await harness.rest.searchIncidents(
        loose({ filter: { processInstanceKey: created.processInstanceKey } }),
        noWait,
      );
      expect(incidents.items).toHaveLength(1);
      expect(incidents.items?.[0]).toMatchObject({ elementId: 'wait', errorType: 'EXTRACT_VALUE_ERROR' });
      expect(incidents.items?.[0]?.errorMessage).toContain('ENGINE_TIMER_FLOOR_MS');
    });
  });
});

describe('timer floor, configured', () => {
  const strict = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', engine: { timerFloorMs: 60_000 } });

  it('refuses what is below the configured floor, cron included', async () => {
    await expect(
      strict.zeebe.deployResource({
        name: 'c.bpmn',
        process: Buffer.from(timerStart('c', '*/10 * * * * *')),
      }),
    ).rejects.toMatchObject({ code: 3, details: expect.stringContaining('60000 ms') });
    await strict.zeebe.deployResource({ name: 'm.bpmn', process: Buffer.from(timerCatch('m', 'PT1M')) });
  });
});
