import { userTaskProcess } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { percentile, round } from '../support/stats.js';

const groups = ['ban-dan-van', 'van-phong', 'to-chuc', 'tuyen-giao', 'kiem-tra'];

/** Fills the engine with instances waiting at a user task, spread over five candidate groups. */
export async function createWaitingUserTasks(zeebe: ZeebeClient, count: number): Promise<number> {
  await zeebe.deployResource({
    name: 'bench-user-task.bpmn',
    process: Buffer.from(userTaskProcess('bench-user-task', { candidateGroups: '=group' })),
  });
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const index = next++;
        await zeebe.createProcessInstance({
          bpmnProcessId: 'bench-user-task',
          variables: { group: [groups[index % groups.length] ?? 'ban-dan-van'], index },
        });
      }
    }),
  );
  return Date.now() - started;
}

export interface SearchFigures {
  searches: number;
  p50Ms: number;
  p95Ms: number;
  target: string;
}

/** What an inbox does: open tasks of one candidate group, newest first, one page of 50. */
export async function measureUserTaskSearch(restAddress: string, searches: number): Promise<SearchFigures> {
  const durations: number[] = [];
  for (let index = 0; index < searches; index += 1) {
    const body = {
      filter: { state: 'CREATED', candidateGroup: groups[index % groups.length] },
      sort: [{ field: 'creationDate', order: 'DESC' }],
      page: { from: (index % 4) * 50, limit: 50 },
    };
    const started = performance.now();
    const response = await fetch(`${restAddress}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { page?: { totalItems?: number } };
    durations.push(performance.now() - started);
    if (response.status !== 200 || !result.page?.totalItems)
      throw new Error(
        `user-task search failed: ${response.status} ${JSON.stringify(body)} ${JSON.stringify(result)}`,
      );
  }
  return {
    searches,
    p50Ms: round(percentile(durations, 50)),
    p95Ms: round(percentile(durations, 95)),
    target: 'p95 <= 100',
  };
}
