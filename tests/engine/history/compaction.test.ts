import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  loose,
  noWait,
  useTestEngine,
  userTaskProcess,
} from '../../support/harness/index.js';

// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

const RUNTIME = [
  'engine_element_instances',
  'engine_variables',
  'engine_user_tasks',
  'engine_incidents',
  'engine_jobs',
];

describe('compaction', () => {
  it('leaves only live state in the runtime collections once instances finish', async () => {
    await harness.zeebe.deployResource({
      name: 'compact.bpmn',
      process: Buffer.from(userTaskProcess('compact', { candidateGroups: 'van-phong' })),
    });
    const created = [];
    for (let index = 0; index < 6; index += 1)
      created.push(
        await harness.zeebe.createProcessInstance({ bpmnProcessId: 'compact', variables: { index } }),
      );
    // Written to the runtime collections while live (the applier runs before the tasks complete).
    await harness.restart();
    const tasks = await harness.rest.searchUserTasks(loose({ filter: { state: 'CREATED' } }), noWait);
    for (const task of tasks.items.slice(0, 4))
      await harness.rest.completeUserTask(loose({ userTaskKey: task.userTaskKey, variables: { ok: true } }));
    await harness.restart();

    const client = await MongoClient.connect(harness.database.uri);
    try {
      const db = client.db();
      const left = new Map<string, string[]>();
      for (const name of RUNTIME) {
        const documents = await db.collection<{ _id: string; j: string }>(name).find({}).toArray();
        left.set(
          name,
          documents.map((document) => document._id),
        );
      }
      // Two live instances: each its process, its user-task element, its user task and its variable.
      expect(left.get('engine_element_instances')).toHaveLength(4);
      expect(left.get('engine_user_tasks')).toHaveLength(2);
      expect(left.get('engine_variables')).toHaveLength(2);
      const finished = await db
        .collection('engine_history_process_instances')
        .countDocuments({ type: 'PROCESS' });
      expect(finished).toBe(4);
    } finally {
      await client.close();
    }
  }, 60_000);
});
