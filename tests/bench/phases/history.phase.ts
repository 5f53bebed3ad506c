/**
 * History figures (issue 11): stored bytes per finished one-task instance, restart-to-ready with many finished
 * instances, and the instance search over a large history. Large histories are imported directly into the history
 * collections (the documents the engine's applier writes), not run through the engine.
 */
import { BSON, MongoClient, type Db } from 'mongodb';
import { userTaskProcess } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import {
  ensureHistoryIndexes,
  ALL_HISTORY_COLLECTIONS,
  HISTORY_COLLECTIONS,
  PROCESS_INSTANCE_HISTORY,
  toHistoryDocument,
  type HistoryDocument,
} from '../../../src/engine/state/history/history-collections.js';
import { replayLogTail } from '../../../src/engine/state/persistence/recovery.js';
import { percentile, round, sleep } from '../support/stats.js';

const RUNTIME = [
  'engine_element_instances',
  'engine_variables',
  'engine_user_tasks',
  'engine_jobs',
  'engine_incidents',
];

/** Documents and their BSON bytes, counted one by one (FerretDB's collStats figures are estimates). */
async function collectionBytes(db: Db, names: string[]): Promise<{ documents: number; bytes: number }> {
  let documents = 0;
  let bytes = 0;
  for (const name of names) {
    for await (const document of db.collection(name).find({})) {
      documents += 1;
      bytes += BSON.calculateObjectSize(document);
    }
  }
  return { documents, bytes };
}

async function post(restAddress: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${restAddress}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Runs `count` one-user-task instances to completion, then reads the stored size of what they left. */
export async function measureStoredBytes(
  zeebe: ZeebeClient,
  restAddress: string,
  mongoUri: string,
  count: number,
  stopEngine: () => Promise<void>,
): Promise<Record<string, unknown>> {
  await zeebe.deployResource({
    name: 'bench-history.bpmn',
    process: Buffer.from(userTaskProcess('bench-history', { candidateGroups: 'van-phong' })),
  });
  for (let index = 0; index < count; index += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, count - index) }, (_, offset) =>
        zeebe.createProcessInstance({
          bpmnProcessId: 'bench-history',
          variables: { index: index + offset, title: `Báo cáo ${index + offset}` },
        }),
      ),
    );
  for (;;) {
    const response = await post(restAddress, '/v2/user-tasks/search', {
      filter: { processDefinitionId: 'bench-history', state: 'CREATED' },
      page: { limit: 100 },
    });
    const page = (await response.json()) as { items: { userTaskKey: string }[] };
    if (page.items.length === 0) break;
    await Promise.all(
      page.items.map((task) =>
        post(restAddress, `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { approved: true } }),
      ),
    );
  }
  await stopEngine(); // applies the whole log
  const client = await MongoClient.connect(mongoUri);
  try {
    const db = client.db();
    // Whatever the engine's shutdown left in its log is applied, as the next start would.
    await replayLogTail(db);
    const history = await collectionBytes(db, [...ALL_HISTORY_COLLECTIONS]);
    const runtime = await collectionBytes(db, RUNTIME);
    return {
      instances: count,
      historyDocuments: history.documents,
      historyBytesPerInstance: round(history.bytes / count),
      runtimeDocumentsLeft: runtime.documents,
      note: 'BSON bytes of the documents (without indexes and storage overhead)',
    };
  } finally {
    await client.close();
  }
}

/**
 * Writes `count` finished instances straight into the history: the process instance, with `children` true also its
 * user-task element, its user task and two variables (what one finished one-task instance leaves).
 */
export async function importFinishedInstances(
  mongoUri: string,
  count: number,
  children: boolean,
  onProgress: (done: number) => void = () => undefined,
  indexesFirst = true,
): Promise<number> {
  const client = await MongoClient.connect(mongoUri);
  const started = Date.now();
  try {
    const db = client.db();
    // With `indexesFirst` the indexes are kept up at every insert, as for an engine running for years; without, they
    // are built once after the import (a bulk load's usual order, several times faster on FerretDB/SQLite).
    if (indexesFirst) await ensureHistoryIndexes(db);
    const base = 9_000_000_000_000_000;
    const t0 = Date.UTC(2016, 0, 1);
    const batch = 1000;
    for (let first = 0; first < count; first += batch) {
      const instances: HistoryDocument[] = [];
      const elements: HistoryDocument[] = [];
      const variables: HistoryDocument[] = [];
      const tasks: HistoryDocument[] = [];
      for (let index = first; index < Math.min(count, first + batch); index += 1) {
        const key = String(base + index * 5);
        const start = t0 + index * 60_000;
        const common = {
          processInstanceKey: key,
          processDefinitionKey: '2251799813685249',
          bpmnProcessId: `bench-imported-${index % 4}`,
          version: 1,
          tenantId: '<default>',
        };
        const instance = {
          key,
          ...common,
          elementId: common.bpmnProcessId,
          type: 'PROCESS',
          flowScopeKey: null,
          state: 'COMPLETED',
          startDate: start,
          endDate: start + 3_600_000,
          incidentKey: null,
          parentProcessInstanceKey: null,
          parentElementInstanceKey: null,
        };
        instances.push(toHistoryDocument(key, JSON.stringify(instance)));
        if (!children) continue;
        const taskElement = {
          ...instance,
          key: String(base + index * 5 + 1),
          elementId: 'review',
          type: 'USER_TASK',
          flowScopeKey: key,
        };
        elements.push(toHistoryDocument(taskElement.key, JSON.stringify(taskElement)));
        for (const [offset, name] of [
          [2, 'index'],
          [3, 'title'],
        ] as const) {
          const variable = {
            key: String(base + index * 5 + offset),
            name,
            value: name === 'index' ? index : `Báo cáo ${index}`,
            scopeKey: key,
            processInstanceKey: key,
            tenantId: '<default>',
          };
          variables.push(toHistoryDocument(variable.key, JSON.stringify(variable)));
        }
        const task = {
          key: String(base + index * 5 + 4),
          name: 'Review',
          state: 'COMPLETED',
          assignee: 'clerk',
          candidateGroups: ['van-phong'],
          candidateUsers: [],
          priority: 50,
          creationDate: start,
          completionDate: start + 3_600_000,
          dueDate: null,
          followUpDate: null,
          formKey: null,
          customHeaders: {},
          elementId: 'review',
          elementInstanceKey: taskElement.key,
          processDefinitionId: common.bpmnProcessId,
          processDefinitionKey: common.processDefinitionKey,
          processDefinitionVersion: 1,
          processInstanceKey: key,
          tenantId: '<default>',
        };
        tasks.push(toHistoryDocument(task.key, JSON.stringify(task)));
      }
      await db.collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY).insertMany(instances);
      if (elements.length)
        await db
          .collection<HistoryDocument>(HISTORY_COLLECTIONS['engine_element_instances']!)
          .insertMany(elements);
      if (variables.length)
        await db.collection<HistoryDocument>(HISTORY_COLLECTIONS['engine_variables']!).insertMany(variables);
      if (tasks.length)
        await db.collection<HistoryDocument>(HISTORY_COLLECTIONS['engine_user_tasks']!).insertMany(tasks);
      if ((first / batch) % 50 === 0) onProgress(first);
    }
    if (!indexesFirst) await ensureHistoryIndexes(db);
    return Date.now() - started;
  } finally {
    await client.close();
  }
}

/** REST v2 instance searches over the history: by process, one page of 50; and by key. */
export async function measureHistorySearch(
  restAddress: string,
  searches: number,
  count: number,
): Promise<Record<string, unknown>> {
  const byProcess: number[] = [];
  const newestCompleted: number[] = [];
  const byKey: number[] = [];
  let total = 0;
  for (let index = 0; index < searches; index += 1) {
    let started = performance.now();
    const response = await post(restAddress, '/v2/process-instances/search', {
      filter: { processDefinitionId: `bench-imported-${index % 4}` },
      page: { limit: 50 },
    });
    const body = (await response.json()) as { page: { totalItems: number } };
    byProcess.push(performance.now() - started);
    total = body.page.totalItems;
    // What the cockpit asks first: one process's finished instances, newest first.
    started = performance.now();
    const newest = await post(restAddress, '/v2/process-instances/search', {
      filter: { processDefinitionId: `bench-imported-${(index + 1) % 4}`, state: 'COMPLETED' },
      sort: [{ field: 'processInstanceKey', order: 'DESC' }],
      page: { limit: 50 },
    });
    await newest.json();
    newestCompleted.push(performance.now() - started);
    const key = String(9_000_000_000_000_000 + Math.floor(Math.random() * count) * 5);
    started = performance.now();
    await (await fetch(`${restAddress}/v2/process-instances/${key}`)).json();
    byKey.push(performance.now() - started);
    await sleep(10);
  }
  return {
    finishedInstances: count,
    searches,
    byProcessPageOf50: {
      p50Ms: round(percentile(byProcess, 50)),
      p95Ms: round(percentile(byProcess, 95)),
      totalItems: total,
      target: 'p95 <= 100 at 1,000,000',
    },
    completedNewestFirstPageOf50: {
      p50Ms: round(percentile(newestCompleted, 50)),
      p95Ms: round(percentile(newestCompleted, 95)),
    },
    getByKey: { p50Ms: round(percentile(byKey, 50)), p95Ms: round(percentile(byKey, 95)) },
  };
}
