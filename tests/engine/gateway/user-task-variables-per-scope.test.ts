/**
 * Issue 13: Camunda 8.8's user task variable search returns one entry per scope that holds a name — an outer
 * `quyetDinh = "tra-lai"` beside the review task's own, blank one. ENGINE_PROFILE=camunda-8.8 answers the same, so
 * the app is proven to resolve by scope; the default profile keeps answering one entry per name, the innermost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  element,
  loose,
  noWait,
  processResource,
  startTestEngine,
  userTaskProcess,
  type TestEngine,
} from '../../support/harness/index.js';

const PROCESS = userTaskProcess('per-scope', {
  candidateGroups: 'ban-tuyen-giao',
  extensions: [
    element('zeebe:ioMapping', {}, element('zeebe:input', { source: '=null', target: 'quyetDinh' })),
  ],
});

interface Entry {
  name: string;
  value: string;
  scopeKey: string;
  variableKey: string;
}

let camunda: TestEngine;
let zeebe: TestEngine;

beforeAll(async () => {
  [camunda, zeebe] = await Promise.all([
    startTestEngine({ database: 'scope_c88', profile: { name: 'camunda-8.8', searchLagMs: 0 } }),
    startTestEngine({ database: 'scope_zeebe', profile: { name: 'zeebe', searchLagMs: 0 } }),
  ]);
  for (const engine of [camunda, zeebe])
    await engine.zeebe.deployResources([processResource('per-scope.bpmn', PROCESS)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([camunda?.close(), zeebe?.close()]);
});

/** Starts an instance with the outer decision set, and returns its open task's key and the instance's key. */
async function reviewTask(engine: TestEngine): Promise<{ task: string; instance: string }> {
  const started = await engine.zeebe.createProcessInstance({
    bpmnProcessId: 'per-scope',
    variables: { quyetDinh: 'tra-lai', unit: { name: 'Sở Y tế' } },
  });
  const instance = String(started.processInstanceKey);
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await engine.rest.searchUserTasks(
      loose({ filter: { processInstanceKey: instance, state: 'CREATED' } }),
      noWait,
    );
    const task = found.items[0] as { userTaskKey: string } | undefined;
    if (task) return { task: String(task.userTaskKey), instance };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the review task never showed');
}

async function entriesOf(engine: TestEngine, task: string, name?: string): Promise<Entry[]> {
  const found = await engine.rest.searchUserTaskVariables(
    loose({ userTaskKey: task, ...(name ? { filter: { name } } : {}) }),
    noWait,
  );
  return found.items as unknown as Entry[];
}

describe('user task variable search', () => {
  it('under camunda-8.8 returns one entry per scope, each with its own scope and variable key', async () => {
    const { task, instance } = await reviewTask(camunda);
    const decisions = await entriesOf(camunda, task, 'quyetDinh');
    expect(decisions).toHaveLength(2);
    const byScope = new Map(decisions.map((entry) => [entry.scopeKey, entry]));
    expect(byScope.get(instance)?.value).toBe('"tra-lai"');
    const own = decisions.find((entry) => entry.scopeKey !== instance);
    expect(own?.value).toBe('null');
    expect(new Set(decisions.map((entry) => entry.variableKey)).size).toBe(2);
    // A name held in one scope only comes once.
    expect((await entriesOf(camunda, task, 'unit')).map((entry) => entry.scopeKey)).toEqual([instance]);
    expect((await entriesOf(camunda, task)).map((entry) => entry.name).sort()).toEqual([
      'quyetDinh',
      'quyetDinh',
      'unit',
    ]);
  });

  it('under the default profile returns one entry per name, the innermost value', async () => {
    const { task } = await reviewTask(zeebe);
    const decisions = await entriesOf(zeebe, task, 'quyetDinh');
    expect(decisions.map((entry) => entry.value)).toEqual(['null']);
  });

  it('under camunda-8.8 reads a completed task’s entries per scope too', async () => {
    const { task, instance } = await reviewTask(camunda);
    await camunda.rest.completeUserTask(loose({ userTaskKey: task }));
    const decisions = await entriesOf(camunda, task, 'quyetDinh');
    expect(decisions.map((entry) => entry.scopeKey === instance).sort()).toEqual([false, true]);
  });
});
