import { expect } from 'vitest';
import { eventually, type ScenarioHarness, type UserTask } from './scenario-harness.js';

export type Answer = Record<string, unknown> | ((task: UserTask, round: number) => Record<string, unknown>);

/**
 * Completes the open user tasks of an instance as they come, each with its answer by element id (a function gets
 * how many times that element has been answered, per the log), until `until` holds. Every completed task is logged in order.
 */
export async function drive(
  h: ScenarioHarness,
  processInstanceKey: string,
  answers: Record<string, Answer>,
  until: () => Promise<boolean>,
  log: string[] = [],
  timeoutMs = 60_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (!(await until())) {
    expect(Date.now(), `still waiting; done so far: ${log.join(', ')}`).toBeLessThan(deadline);
    const open = await h.openTasks(processInstanceKey);
    const task = open.find((t) => answers[t.elementId] !== undefined);
    if (!task) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      continue;
    }
    const answer = answers[task.elementId]!;
    // Rounds count across calls sharing the same log.
    const round = log.filter((element) => element === task.elementId).length;
    const variables = typeof answer === 'function' ? answer(task, round) : answer;
    await h.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
    log.push(task.elementId);
    // Let the engine move on before the next search.
    await eventually(async () =>
      expect((await h.openTasks(processInstanceKey)).map((t) => t.userTaskKey)).not.toContain(
        task.userTaskKey,
      ),
    );
  }
  return log;
}
