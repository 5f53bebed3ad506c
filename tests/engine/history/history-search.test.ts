import { describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import {
  IMMEDIATE_READS,
  endEvent,
  flow,
  loose,
  noWait,
  processXml,
  startEvent,
  useTestEngine,
  userTaskProcess,
} from '../../support/harness/index.js';
import {
  PROCESS_INSTANCE_HISTORY,
  toHistoryDocument,
  type HistoryDocument,
} from '../../../src/engine/state/history/history-collections.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

/** Every page of a search, `limit` at a time, as the REST client sees it. */
async function allPages<T>(
  search: (page: { from: number; limit: number }) => Promise<{ items: T[]; page: { totalItems: number } }>,
  limit: number,
): Promise<{ items: T[]; totals: Set<number> }> {
  const items: T[] = [];
  const totals = new Set<number>();
  for (let from = 0; ; from += limit) {
    const result = await search({ from, limit });
    totals.add(result.page.totalItems);
    items.push(...result.items);
    if (result.items.length < limit) return { items, totals };
  }
}

const byKey = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

describe('history served from the database', () => {
  it('finds every finished instance, variable and task after a restart, merged with live ones and paged', async () => {
    await harness.zeebe.deployResource({
      name: 'hist-flow.bpmn',
      process: Buffer.from(processXml('hist-flow', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    await harness.zeebe.deployResource({
      name: 'hist-task.bpmn',
      process: Buffer.from(userTaskProcess('hist-task', { assignee: 'clerk' })),
    });
    const flows: string[] = [];
    for (let batch = 0; batch < 1000; batch += 25) {
      const created = await Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          harness.zeebe.createProcessInstance({
            bpmnProcessId: 'hist-flow',
            variables: { n: batch + index },
          }),
        ),
      );
      flows.push(...created.map((each) => each.processInstanceKey));
    }
    const taskInstances: string[] = [];
    for (let index = 0; index < 20; index += 1)
      taskInstances.push(
        (await harness.zeebe.createProcessInstance({ bpmnProcessId: 'hist-task', variables: { i: index } }))
          .processInstanceKey,
      );
    const open = await harness.rest.searchUserTasks(
      loose({ filter: { processDefinitionId: 'hist-task' }, page: { limit: 100 } }),
      noWait,
    );
    expect(open.items).toHaveLength(20);
    const completedTasks = open.items.slice(0, 10).map((task) => String(task.userTaskKey));
    for (const key of completedTasks)
      await harness.rest.completeUserTask(loose({ userTaskKey: key, variables: { done: key } }));

    await harness.restart();

    const instances = await allPages(
      (page) =>
        harness.rest.searchProcessInstances(
          loose({ filter: { processDefinitionId: 'hist-flow' }, page }),
          noWait,
        ),
      250,
    );
    expect(instances.totals).toEqual(new Set([1000]));
    expect(instances.items.map((item) => String(item.processInstanceKey))).toEqual([...flows].sort(byKey));
    expect(new Set(instances.items.map((item) => item.state))).toEqual(new Set(['COMPLETED']));

    const variables = await allPages(
      (page) => harness.rest.searchVariables(loose({ filter: { name: 'n' }, page }), noWait),
      300,
    );
    expect(variables.totals).toEqual(new Set([1000]));
    expect(variables.items.map((item) => Number(item.value)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1000 }, (_, index) => index),
    );

    // A clerk opens their own completed task after the restart: found by key, with its variables.
    const finished = await harness.rest.getUserTask(loose({ userTaskKey: completedTasks[0] }), noWait);
    expect(finished).toMatchObject({ state: 'COMPLETED', assignee: 'clerk' });
    const taskVariables = await harness.rest.searchUserTaskVariables(
      loose({ userTaskKey: completedTasks[0], filter: {} }),
      noWait,
    );
    expect(taskVariables.items.map((item) => item.name)).toContain('i');

    // Live and finished tasks, paged in key order with one total.
    const tasks = await allPages(
      (page) =>
        harness.rest.searchUserTasks(loose({ filter: { processDefinitionId: 'hist-task' }, page }), noWait),
      7,
    );
    expect(tasks.totals).toEqual(new Set([20]));
    const taskKeys = tasks.items.map((task) => String(task.userTaskKey));
    expect(taskKeys).toEqual([...taskKeys].sort(byKey));
    expect(new Set(taskKeys).size).toBe(20);
    expect(tasks.items.filter((task) => task.state === 'COMPLETED')).toHaveLength(10);

    // Live and finished instances sorted newest first, across pages.
    const mixed = await allPages(
      (page) =>
        harness.rest.searchProcessInstances(
          loose({
            filter: { processDefinitionId: 'hist-task' },
            sort: [{ field: 'processInstanceKey', order: 'DESC' }],
            page,
          }),
          noWait,
        ),
      3,
    );
    expect(mixed.totals).toEqual(new Set([20]));
    expect(mixed.items.map((item) => String(item.processInstanceKey))).toEqual(
      [...taskInstances].sort(byKey).reverse(),
    );
    const states = mixed.items.map((item) => item.state);
    expect(states.filter((state) => state === 'ACTIVE')).toHaveLength(10);
    expect(states.filter((state) => state === 'COMPLETED')).toHaveLength(10);
    const completedOnly = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'hist-task', state: 'COMPLETED' }, page: { limit: 100 } }),
      noWait,
    );
    expect(completedOnly.page.totalItems).toBe(10);
  }, 120_000);

  it('orders finished and live instances by start and by end date, across pages, as they happened', async () => {
    await harness.zeebe.deployResource({
      name: 'hist-order.bpmn',
      process: Buffer.from(userTaskProcess('hist-order', { assignee: 'clerk' })),
    });
    const started: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      harness.clock.advance(60_000);
      started.push(
        (await harness.zeebe.createProcessInstance({ bpmnProcessId: 'hist-order', variables: {} }))
          .processInstanceKey,
      );
    }
    // Finished in another order than started: the fifth first, then the second, the seventh, the first, the fourth.
    const finishOrder = [4, 1, 6, 0, 3].map((index) => started[index]!);
    for (const instanceKey of finishOrder) {
      harness.clock.advance(60_000);
      const task = await harness.rest.searchUserTasks(
        loose({ filter: { processInstanceKey: instanceKey }, page: { limit: 1 } }),
        noWait,
      );
      await harness.rest.completeUserTask(loose({ userTaskKey: task.items[0]!.userTaskKey }));
    }
    await harness.restart();

    const ordered = async (field: 'startDate' | 'endDate', order: 'ASC' | 'DESC', state?: string) =>
      (
        await allPages(
          (page) =>
            harness.rest.searchProcessInstances(
              loose({
                filter: { processDefinitionId: 'hist-order', ...(state ? { state } : {}) },
                sort: [{ field, order }],
                page,
              }),
              noWait,
            ),
          2,
        )
      ).items.map((item) => String(item.processInstanceKey));
    expect(await ordered('startDate', 'ASC')).toEqual(started);
    expect(await ordered('startDate', 'DESC')).toEqual([...started].reverse());
    expect(await ordered('endDate', 'DESC', 'COMPLETED')).toEqual([...finishOrder].reverse());
    expect(await ordered('endDate', 'ASC', 'COMPLETED')).toEqual(finishOrder);
  }, 60_000);

  it('moves process instances kept among element instances by an older engine into their own collection', async () => {
    const client = await MongoClient.connect(harness.database.uri);
    try {
      const db = client.db();
      const key = '2251799813999001';
      const record = {
        key,
        processInstanceKey: key,
        processDefinitionKey: '2251799813999000',
        bpmnProcessId: 'old-layout',
        version: 1,
        tenantId: '<default>',
        elementId: 'old-layout',
        type: 'PROCESS',
        flowScopeKey: null,
        state: 'COMPLETED',
        startDate: Date.UTC(2025, 0, 1),
        endDate: Date.UTC(2025, 0, 2),
        incidentKey: null,
        parentProcessInstanceKey: null,
        parentElementInstanceKey: null,
      };
      await db.collection('engine_history_meta').deleteMany({});
      await db
        .collection<{ _id: string; [field: string]: unknown }>('engine_history_element_instances')
        .insertOne({
          _id: key,
          k: key.padStart(20, '0'),
          j: JSON.stringify(record),
          type: 'PROCESS',
          bpmnProcessId: 'old-layout',
          state: 'COMPLETED',
        });
      await harness.restart();
      const found = await harness.rest.searchProcessInstances(
        loose({ filter: { processDefinitionId: 'old-layout' }, sort: [{ field: 'endDate', order: 'DESC' }] }),
        noWait,
      );
      expect(found.items.map((item) => String(item.processInstanceKey))).toEqual([key]);
      expect(
        await db.collection('engine_history_element_instances').countDocuments({ _id: key } as object),
      ).toBe(0);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('filters finished instances by a variable of their own scope, read from the history by the candidates’ keys', async () => {
    await harness.zeebe.deployResource({
      name: 'hist-vars.bpmn',
      process: Buffer.from(processXml('hist-vars', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    const byUnit = new Map<string, string[]>();
    for (let index = 0; index < 12; index += 1) {
      const code = `don-vi-${index % 3}`;
      const { processInstanceKey } = await harness.zeebe.createProcessInstance({
        bpmnProcessId: 'hist-vars',
        variables: { units: [{ code, name: `Đơn vị ${index % 3}` }], n: index },
      });
      byUnit.set(code, [...(byUnit.get(code) ?? []), processInstanceKey]);
    }
    await harness.restart();
    for (const [code, keys] of byUnit) {
      const found = await harness.rest.searchProcessInstances(
        loose({
          filter: {
            processDefinitionId: 'hist-vars',
            variables: [{ name: 'units', value: { $like: `*"code":"${code}"*` } }],
          },
          sort: [{ field: 'startDate', order: 'ASC' }],
        }),
        noWait,
      );
      expect(found.page.totalItems).toBe(4);
      expect(found.items.map((item) => String(item.processInstanceKey))).toEqual(keys);
    }
  }, 60_000);

  it('finds live and finished instances by their own variables, finished ones by the copy they carry', async () => {
    await harness.zeebe.deployResource({
      name: 'own-flow.bpmn',
      process: Buffer.from(processXml('own-flow', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    await harness.zeebe.deployResource({
      name: 'own-task.bpmn',
      process: Buffer.from(userTaskProcess('own-task')),
    });
    const expected = { u1: [] as string[], periodP: [] as string[], otherPeriod: [] as string[] };
    const start = async (processId: string, index: number) => {
      const period = index % 3 === 0 ? undefined : { code: index % 3 === 1 ? 'P' : 'Q' };
      const { processInstanceKey } = await harness.zeebe.createProcessInstance({
        bpmnProcessId: processId,
        variables: {
          tag: 'own-vars',
          units: [{ code: index % 2 === 0 ? 'u-1' : 'u-2' }, { code: 'u-3' }],
          ...(period ? { period } : {}),
        },
      });
      if (index % 2 === 0) expected.u1.push(processInstanceKey);
      if (period?.code === 'P') expected.periodP.push(processInstanceKey);
      if (period?.code === 'Q') expected.otherPeriod.push(processInstanceKey);
      return processInstanceKey;
    };
    const finished: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      if (index % 4 === 3) await start('own-task', index);
      else finished.push(await start('own-flow', index));
    }
    const search = async (
      variables: { name: string; value: unknown }[],
      extra: object = {},
      page = { from: 0, limit: 100 },
    ) =>
      harness.rest.searchProcessInstances(
        loose({
          filter: { variables: [{ name: 'tag', value: '"own-vars"' }, ...variables], ...extra },
          sort: [{ field: 'startDate', order: 'ASC' }],
          page,
        }),
        noWait,
      );
    const keysOf = (result: { items: { processInstanceKey: unknown }[] }) =>
      result.items.map((item) => String(item.processInstanceKey));
    const check = async () => {
      const u1 = await search([{ name: 'units', value: { $like: '*"code":"u-1"*' } }]);
      expect(keysOf(u1)).toEqual(expected.u1);
      expect(u1.page.totalItems).toBe(expected.u1.length);
      // A page of them, from the history's order.
      const second = await search(
        [{ name: 'units', value: { $like: '*"code":"u-1"*' } }],
        {},
        { from: 1, limit: 2 },
      );
      expect(keysOf(second)).toEqual(expected.u1.slice(1, 3));
      // Equality on the JSON text; a negative operator needs the variable to exist.
      expect(keysOf(await search([{ name: 'period', value: '{"code":"P"}' }]))).toEqual(expected.periodP);
      expect(keysOf(await search([{ name: 'period', value: { $neq: '{"code":"P"}' } }]))).toEqual(
        expected.otherPeriod,
      );
      // Two conditions on one variable both hold.
      const both = await search([
        { name: 'units', value: { $like: '*u-3*' } },
        { name: 'units', value: { $like: '*"code":"u-2"*' } },
      ]);
      expect(both.page.totalItems).toBe(8 - expected.u1.length);
      // By key, the variables still decide.
      const key = finished[0] as string;
      expect(
        (await search([{ name: 'units', value: { $like: '*u-1*' } }], { processInstanceKey: key })).items,
      ).toHaveLength(1);
      expect(
        (await search([{ name: 'units', value: { $like: '*u-9*' } }], { processInstanceKey: key })).items,
      ).toHaveLength(0);
    };
    await check();
    const client = await MongoClient.connect(harness.database.uri);
    try {
      const instances = client
        .db()
        .collection<{ _id: string; [field: string]: unknown }>('engine_history_process_instances');
      // The history copy is written behind the acknowledgements.
      let copied = await instances.findOne({ _id: finished[0] as string });
      for (let tries = 0; !copied && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        copied = await instances.findOne({ _id: finished[0] as string });
      }
      expect(copied?.['v_units']).toBe('[{"code":"u-1"},{"code":"u-3"}]');
      expect(copied?.['v_tag']).toBe('"own-vars"');
      // A history written before instances carried their variables gets them once, at start.
      await instances.updateMany({}, { $unset: { v_units: '', v_tag: '', v_period: '' } });
      await client
        .db()
        .collection('engine_history_meta')
        .updateOne({ _id: 'layout' } as object, { $set: { version: 2 } });
      await harness.restart();
      expect((await instances.findOne({ _id: finished[0] as string }))?.['v_units']).toBe(
        '[{"code":"u-1"},{"code":"u-3"}]',
      );
      await check();
    } finally {
      await client.close();
    }
  }, 90_000);

  it('never counts an instance twice while a burst of finished ones is copied to the history', async () => {
    await harness.zeebe.deployResource({
      name: 'hist-burst.bpmn',
      process: Buffer.from(processXml('hist-burst', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    // Creations sent so far: a search can count no more instances than that, but for those counted twice.
    let issued = 0;
    let creating = true;
    const overCounts: number[] = [];
    const poll = (async () => {
      while (creating) {
        const page = await harness.rest.searchProcessInstances(
          loose({ filter: { processDefinitionId: 'hist-burst' }, page: { limit: 1 } }),
          noWait,
        );
        // Read after the search: every instance it can have counted was sent by then.
        if (page.page.totalItems > issued) overCounts.push(page.page.totalItems - issued);
      }
    })();
    for (let batch = 0; batch < 30; batch += 1) {
      await Promise.all(
        Array.from({ length: 100 }, () => {
          issued += 1;
          return harness.zeebe.createProcessInstance({ bpmnProcessId: 'hist-burst', variables: {} });
        }),
      );
    }
    creating = false;
    await poll;
    // One chunk of the history copy (100 records) may be counted twice for the instant its insert takes.
    expect(Math.max(0, ...overCounts)).toBeLessThanOrEqual(100);
    await harness.restart();
    const total = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'hist-burst' }, page: { limit: 1 } }),
      noWait,
    );
    expect(total.page.totalItems).toBe(3000);
  }, 120_000);
  it('counts up to 10,000 matches, then says there are more, as Camunda 8.8 does', async () => {
    await harness.zeebe.deployResource({
      name: 'hist-many.bpmn',
      process: Buffer.from(processXml('hist-many', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'hist-many',
      variables: {},
    });
    await harness.restart();
    const client = await MongoClient.connect(harness.database.uri);
    try {
      const history = client.db().collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY);
      const model = await history.findOne({ _id: processInstanceKey });
      expect(model).not.toBeNull();
      // Years of finished instances, written as the history copy writes them (one real record, new keys).
      const record = JSON.parse(String(model!.j)) as Record<string, unknown>;
      const first = BigInt(processInstanceKey) + 1_000_000n;
      const copies = Array.from({ length: 10_050 }, (_, index) => {
        const key = String(first + BigInt(index));
        return toHistoryDocument(key, JSON.stringify({ ...record, key, processInstanceKey: key }));
      });
      for (let from = 0; from < copies.length; from += 1000)
        await history.insertMany(copies.slice(from, from + 1000));
    } finally {
      await client.close();
    }
    const all = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'hist-many' }, page: { limit: 5 } }),
      noWait,
    );
    expect(all.page.totalItems).toBe(10_000);
    expect(all.page.hasMoreTotalItems).toBe(true);
    expect(all.items).toHaveLength(5);
    // Under the cap the count is exact, and says nothing more.
    const one = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'hist-many', processInstanceKey }, page: { limit: 5 } }),
      noWait,
    );
    expect(one.page.totalItems).toBe(1);
    expect(one.page.hasMoreTotalItems ?? false).toBe(false);
    // The order still runs over every match, not only the counted ones: the highest key comes first.
    const last = await harness.rest.searchProcessInstances(
      loose({
        filter: { processDefinitionId: 'hist-many' },
        sort: [{ field: 'processInstanceKey', order: 'DESC' }],
        page: { from: 0, limit: 1 },
      }),
      noWait,
    );
    expect(String(last.items[0]?.processInstanceKey)).toBe(
      String(BigInt(processInstanceKey) + 1_000_000n + 10_049n),
    );
  }, 120_000);
});
