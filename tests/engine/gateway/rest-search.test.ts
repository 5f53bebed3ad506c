import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  element,
  eventually,
  extensions,
  loose,
  noWait,
  processResource,
  processXml,
  sequence,
  serviceTask,
  startEvent,
  endEvent,
  userTask,
  useTestEngine,
} from '../../support/harness/index.js';

const hour = 3_600_000;

/** Three instances an hour apart, each with a prioritised task, one job failed into an incident, and variables. */
// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine(
  { clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS },
  async (engine) => {
    await engine.zeebe.deployResource(
      processResource(
        'search-tasks.bpmn',
        processXml('search-tasks', [
          startEvent('start'),
          userTask('review', { name: 'Review', priority: '=priority' }),
          endEvent('end'),
          ...sequence('start', 'review', 'end'),
        ]),
      ),
    );
    await engine.zeebe.deployResource(
      processResource(
        'search-jobs.bpmn',
        processXml('search-jobs', [
          startEvent('start'),
          serviceTask('collect', 'search-collect', { retries: 1 }),
          endEvent('end'),
          ...sequence('start', 'collect', 'end'),
        ]),
      ),
    );
    for (const [index, priority] of [40, 90, 10].entries()) {
      await engine.rest.createProcessInstance(
        loose({
          processDefinitionId: 'search-tasks',
          variables: { priority, dossier: `HS-${index}`, unit: index === 2 ? 'ban-dan-van' : 'mat-tran' },
        }),
      );
      engine.clock.advance(hour);
    }
    // One instance finishes, so its element instances are read back from the history.
    const done = await eventually(async () => {
      const tasks = await engine.rest.searchUserTasks(
        loose({ filter: { processDefinitionId: 'search-tasks' } }),
        noWait,
      );
      expect(tasks.items).toHaveLength(3);
      return tasks.items.find((task) => task.priority === 40)!;
    });
    await engine.rest.completeUserTask(loose({ userTaskKey: done.userTaskKey }));
    await eventually(async () => {
      const finished = await engine.rest.getProcessInstance(
        loose({ processInstanceKey: done.processInstanceKey }),
        noWait,
      );
      expect(finished.state).toBe('COMPLETED');
    });
    const jobs = await engine.zeebe.createProcessInstance({ bpmnProcessId: 'search-jobs', variables: {} });
    const [job] = await engine.zeebe.activateJobs({
      type: 'search-collect',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 2_000,
    });
    await engine.zeebe.failJob({
      jobKey: job!.key,
      retries: 0,
      errorMessage: 'hết lượt thử',
      retryBackOff: 0,
    });
    await eventually(async () => {
      const incidents = await engine.rest.searchIncidents(
        loose({ filter: { processInstanceKey: jobs.processInstanceKey } }),
        noWait,
      );
      expect(incidents.items).toHaveLength(1);
    });
  },
);

const start = Date.parse('2026-03-01T01:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

async function post(path: string, body: unknown) {
  const response = await fetch(`${harness.restAddress}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('REST v2 searches', () => {
  it('sorts user tasks in both directions', async () => {
    const ascending = await harness.rest.searchUserTasks(
      loose({ filter: { processDefinitionId: 'search-tasks' }, sort: [{ field: 'priority', order: 'ASC' }] }),
      noWait,
    );
    expect(ascending.items.map((task) => task.priority)).toEqual([10, 40, 90]);
    const descending = await harness.rest.searchUserTasks(
      loose({
        filter: { processDefinitionId: 'search-tasks' },
        sort: [{ field: 'priority', order: 'DESC' }],
      }),
      noWait,
    );
    expect(descending.items.map((task) => task.priority)).toEqual([90, 40, 10]);
    expect(descending.page.totalItems).toBe(3);
  });

  it('filters element instances with $in, $neq and date operators, counting totalItems after the filter', async () => {
    const found = await harness.rest.searchElementInstances(
      loose({
        filter: {
          type: 'USER_TASK',
          state: { $in: ['ACTIVE', 'COMPLETED'] },
          startDate: { $gte: iso(start + hour), $lt: iso(start + 3 * hour) },
        },
        sort: [{ field: 'startDate', order: 'ASC' }],
      }),
      noWait,
    );
    expect(found.items!.map((item) => Date.parse(item.startDate))).toEqual([start + hour, start + 2 * hour]);
    expect(found.page.totalItems).toBe(2);
    const none = await harness.rest.searchElementInstances(
      loose({ filter: { type: 'USER_TASK', state: { $neq: 'ACTIVE' } } }),
      noWait,
    );
    expect(none.items!.map((item) => item.state)).toEqual(['COMPLETED']);
    expect(none.page.totalItems).toBe(1);
  });

  it('gets each element instance by its own key, finished ones from the history too', async () => {
    // After a restart, finished records are only in the history collections.
    await harness.restart();
    const all = await harness.rest.searchElementInstances(loose({ page: { limit: 100 } }), noWait);
    expect(all.items!.length).toBeGreaterThan(6);
    for (const item of all.items!) {
      const fetched = await harness.rest.getElementInstance(
        loose({ elementInstanceKey: item.elementInstanceKey }),
        noWait,
      );
      expect(fetched).toMatchObject({
        elementInstanceKey: item.elementInstanceKey,
        elementId: item.elementId,
        type: item.type,
      });
    }
    const finished = await harness.rest.searchProcessInstances(
      loose({ filter: { state: 'COMPLETED' } }),
      noWait,
    );
    expect(finished.items).toHaveLength(1);
    for (const instance of [finished.items[0]!.processInstanceKey, all.items![0]!.processInstanceKey]) {
      const response = await fetch(`${harness.restAddress}/v2/element-instances/${instance}`);
      expect(response.status).toBe(404);
    }
  });

  it('finds the element instances directly in a scope (elementInstanceScopeKey), live and finished', async () => {
    await harness.zeebe.deployResource(
      processResource(
        'scope-demo.bpmn',
        processXml('scope-demo', [
          startEvent('start'),
          element(
            'bpmn:subProcess',
            { id: 'stage' },
            startEvent('stageStart'),
            userTask('inner'),
            endEvent('stageEnd'),
            ...sequence('stageStart', 'inner', 'stageEnd'),
          ),
          endEvent('end'),
          ...sequence('start', 'stage', 'end'),
        ]),
      ),
    );
    const created = await harness.rest.createProcessInstance(loose({ processDefinitionId: 'scope-demo' }));
    const idsIn = async (elementInstanceScopeKey: string) =>
      (
        await harness.rest.searchElementInstances(
          loose({ filter: { elementInstanceScopeKey }, sort: [{ field: 'elementInstanceKey' }] }),
          noWait,
        )
      ).items!.map((item) => item.elementId);
    const stage = await eventually(async () => {
      const found = await harness.rest.searchElementInstances(
        loose({ filter: { processInstanceKey: created.processInstanceKey, elementId: 'stage' } }),
        noWait,
      );
      expect(found.items).toHaveLength(1);
      return found.items![0]!;
    });
    await eventually(async () =>
      expect(await idsIn(stage.elementInstanceKey)).toEqual(['stageStart', 'inner']),
    );
    expect(await idsIn(created.processInstanceKey)).toEqual(['start', 'stage']);
    // Read back from the history: a restart leaves finished element instances only there.
    await harness.restart();
    expect(await idsIn(stage.elementInstanceKey)).toEqual(['stageStart', 'inner']);
  });

  it('finds process instances by their definition’s version tag, live and finished', async () => {
    const tagged = (processId: string, tag: string, wait: boolean) =>
      processXml(processId, [
        extensions(element('zeebe:versionTag', { value: tag })),
        startEvent('start'),
        ...(wait
          ? [userTask('wait'), endEvent('end'), ...sequence('start', 'wait', 'end')]
          : [endEvent('end'), ...sequence('start', 'end')]),
      ]);
    await harness.zeebe.deployResource(
      processResource('tag-live.bpmn', tagged('tag-live', 'quy-che-2026', true)),
    );
    await harness.zeebe.deployResource(
      processResource('tag-done.bpmn', tagged('tag-done', 'quy-che-2026', false)),
    );
    await harness.zeebe.deployResource(
      processResource('tag-old.bpmn', tagged('tag-old', 'quy-che-2025', false)),
    );
    for (const processDefinitionId of ['tag-live', 'tag-done', 'tag-old'])
      await harness.rest.createProcessInstance(loose({ processDefinitionId }));
    await harness.restart();
    const ids = async (processDefinitionVersionTag: unknown) =>
      (
        await harness.rest.searchProcessInstances(
          loose({ filter: { processDefinitionVersionTag }, sort: [{ field: 'processDefinitionId' }] }),
          noWait,
        )
      ).items!.map((item) => `${item.processDefinitionId}:${item.processDefinitionVersionTag}`);
    await eventually(async () =>
      expect(await ids('quy-che-2026')).toEqual(['tag-done:quy-che-2026', 'tag-live:quy-che-2026']),
    );
    expect(await ids({ $like: 'quy-che-*' })).toEqual([
      'tag-done:quy-che-2026',
      'tag-live:quy-che-2026',
      'tag-old:quy-che-2025',
    ]);
  });

  it('takes `$or` groups of process-instance filter fields, besides the top-level ones', async () => {
    const found = await harness.rest.searchProcessInstances(
      loose({
        filter: {
          processDefinitionId: 'search-tasks',
          $or: [{ state: 'COMPLETED' }, { variables: [{ name: 'unit', value: '"ban-dan-van"' }] }],
        },
        sort: [{ field: 'startDate', order: 'ASC' }],
      }),
      noWait,
    );
    expect(found.items!.map((item) => Date.parse(item.startDate) - start)).toEqual([0, 2 * hour]);
    expect(found.page.totalItems).toBe(2);
    const none = await harness.rest.searchProcessInstances(
      loose({
        filter: { processDefinitionId: 'search-jobs', $or: [{ state: 'COMPLETED' }, { hasIncident: false }] },
      }),
      noWait,
    );
    expect(none.page.totalItems).toBe(0);
  });

  it('filters incidents by error type, state and creation time', async () => {
    const found = await harness.rest.searchIncidents(
      loose({
        filter: {
          errorType: 'JOB_NO_RETRIES',
          state: 'ACTIVE',
          creationTime: { $gte: iso(start + 3 * hour) },
          processDefinitionId: 'search-jobs',
        },
      }),
      noWait,
    );
    expect(found.items).toHaveLength(1);
    expect(found.items![0]).toMatchObject({
      elementId: 'collect',
      errorMessage: 'hết lượt thử',
    });
    const earlier = await harness.rest.searchIncidents(
      loose({ filter: { creationTime: { $lt: iso(start + 3 * hour) } } }),
      noWait,
    );
    expect(earlier.page.totalItems).toBe(0);
    const refused = await post('/v2/incidents/search', { filter: { errorType: 'NO_SUCH_TYPE' } });
    expect(refused.status).toBe(400);
  });

  it('filters variables with $like, $notIn and $exists', async () => {
    const found = await harness.rest.searchVariables(
      loose({
        filter: { name: { $like: 'uni?' }, value: { $notIn: ['"mat-tran"'] } },
      }),
      noWait,
    );
    expect(found.items!.map((item) => item.value)).toEqual(['"ban-dan-van"']);
    const dossiers = await harness.rest.searchVariables(
      loose({ filter: { name: { $like: 'doss*' }, scopeKey: { $exists: true } } }),
      noWait,
    );
    expect(dossiers.page.totalItems).toBe(3);
  });

  it('finds process definitions by a $like name and process instances by $in keys', async () => {
    const definitions = await harness.rest.searchProcessDefinitions(
      loose({
        filter: { processDefinitionId: { $like: 'search-*' } },
        sort: [{ field: 'processDefinitionId' }],
      }),
      noWait,
    );
    expect(definitions.items!.map((item) => item.processDefinitionId)).toEqual([
      'search-jobs',
      'search-tasks',
    ]);
    const instances = await harness.rest.searchProcessInstances(
      loose({
        filter: { processDefinitionId: 'search-tasks' },
        sort: [{ field: 'startDate', order: 'ASC' }],
      }),
      noWait,
    );
    const keys = instances.items.map((item) => item.processInstanceKey);
    const picked = await harness.rest.searchProcessInstances(
      loose({ filter: { processInstanceKey: { $in: [keys[0], keys[2]] } } }),
      noWait,
    );
    expect(picked.items.map((item) => item.processInstanceKey).sort()).toEqual([keys[0], keys[2]].sort());
  });

  it('pages forward with searchAfter cursors and back with searchBefore, as offset paging does', async () => {
    const query = {
      filter: { name: { $in: ['priority', 'dossier', 'unit'] } },
      sort: [{ field: 'variableKey' }],
    };
    const all = await harness.rest.searchVariables(loose({ ...query, page: { limit: 100 } }), noWait);
    expect(all.items).toHaveLength(9);
    const keys = all.items!.map((item) => item.variableKey);

    const seen: string[] = [];
    const pages: { startCursor?: unknown; endCursor?: unknown }[] = [];
    let after: unknown;
    for (;;) {
      const page = await harness.rest.searchVariables(
        loose({ ...query, page: after ? { after, limit: 4 } : { limit: 4 } }),
        noWait,
      );
      if (page.items.length === 0) break;
      expect(page.page.totalItems).toBe(9);
      seen.push(...page.items.map((item) => item.variableKey));
      pages.push(page.page);
      after = page.page.endCursor;
    }
    expect(seen).toEqual(keys);
    expect(pages).toHaveLength(3);

    const back = await harness.rest.searchVariables(
      loose({ ...query, page: { before: pages[2]!.startCursor, limit: 4 } }),
      noWait,
    );
    expect(back.items.map((item) => item.variableKey)).toEqual(keys.slice(4, 8));
    const first = await harness.rest.searchVariables(
      loose({ ...query, page: { before: pages[1]!.startCursor, limit: 4 } }),
      noWait,
    );
    expect(first.items.map((item) => item.variableKey)).toEqual(keys.slice(0, 4));

    const bad = await post('/v2/variables/search', { page: { after: 'bm9wZQ==' } });
    expect(bad.status).toBe(400);
  });
});
