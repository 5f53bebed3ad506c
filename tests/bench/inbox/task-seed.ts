import type { UnitRef } from '../../../src/app/organisation/index.js';
import { flow, processXml } from '../../support/harness/bpmn.js';
import { endEvent, startEvent, userTask } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { sleep } from '../support/stats.js';

export const BENCH_PROCESS_ID = 'bench-inbox-bao-cao';
/** A real form of the project, with required fields, number ranges, lengths, a phone rule and a conditional field. */
export const BENCH_FORM_ID = 'bao-cao-dan-van-lap';

/**
 * One native user task for a unit's committee, as `Task_LapBaoCao` of bao-cao-dan-van has it, with the candidate
 * group, due date and priority taken from variables so they can vary per instance.
 */
export const BENCH_BPMN = processXml(
  BENCH_PROCESS_ID,
  [
    startEvent('StartEvent_1'),
    userTask('Task_LapBaoCao', {
      name: 'Lập báo cáo',
      formId: BENCH_FORM_ID,
      candidateGroups: '=[unitGroup]',
      dueDate: '=reportDueDate',
      priority: '=priority',
    }),
    endEvent('EndEvent_1'),
    flow('StartEvent_1', 'Task_LapBaoCao', { id: 'Flow_1' }),
    flow('Task_LapBaoCao', 'EndEvent_1', { id: 'Flow_2' }),
  ],
  { name: 'Báo cáo công tác dân vận (thử tải)' },
);

const DAY_MS = 86_400_000;
const PRIORITIES = [10, 40, 60, 90]; // low, medium, medium, high by the inbox's levels (<25, <75, ≥75)

/** An instant as the processes write dates: ISO 8601 with the Vietnamese offset. */
function vietnamese(ms: number): string {
  return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * The variables of the `index`-th task of a unit: priorities cycle through the four values, due dates through
 * overdue / due within 7 days / in a month / in a quarter, so every filter of the inbox has matches in every unit.
 */
export function taskVariables(unit: UnitRef, index: number, now: number): Record<string, unknown> {
  const dueClass = Math.floor(index / PRIORITIES.length) % 4;
  const days = [-(1 + (index % 20)), 1 + (index % 5), 30 + (index % 30), 90 + (index % 60)][dueClass] ?? 1;
  return {
    unit,
    unitGroup: unit.group,
    period: {
      code: '2026-6T',
      kind: '6-thang',
      year: 2026,
      label: '6 tháng đầu năm 2026',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
    },
    reportDueDate: vietnamese(now + days * DAY_MS),
    priority: PRIORITIES[index % PRIORITIES.length],
    traLaiBoi: null,
    yKienTraLai: null,
    benchIndex: index,
  };
}

/** Deploys the bench process; its form is the real one the service deployed from forms/ at start. */
export async function deployBenchProcess(zeebe: ZeebeClient): Promise<void> {
  await zeebe.deployResource({ name: `${BENCH_PROCESS_ID}.bpmn`, process: Buffer.from(BENCH_BPMN) });
}

/**
 * `count` instances, spread round-robin over the units (so each unit's tasks are created across the whole run),
 * `inFlight` at a time over gRPC.
 */
export async function createTasks(
  zeebe: ZeebeClient,
  units: UnitRef[],
  count: number,
  inFlight: number,
  progress: (message: string) => void,
): Promise<void> {
  const now = Date.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const position = next++;
        const unit = units[position % units.length]!;
        const index = Math.floor(position / units.length);
        await zeebe.createProcessInstance({
          bpmnProcessId: BENCH_PROCESS_ID,
          // Plain JSON values; the SDK's JSONDoc type does not accept `unknown`.
          variables: taskVariables(unit, index, now) as never,
        });
        if (++done % 5_000 === 0) progress(`${done} / ${count} instances created`);
      }
    }),
  );
}

/** POST /v2/user-tasks/search with page limit 1: the engine's count of open bench tasks (page.totalItems). */
export async function countOpenTasks(
  restAddress: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const response = await fetch(`${restAddress}/v2/user-tasks/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      filter: { state: 'CREATED', processDefinitionId: BENCH_PROCESS_ID, ...extra },
      page: { limit: 1 },
    }),
  });
  const body = (await response.json()) as { page?: { totalItems?: number } };
  if (response.status !== 200)
    throw new Error(`user-task search: ${response.status} ${JSON.stringify(body)}`);
  return body.page?.totalItems ?? 0;
}

/** Waits until the engine's search sees `expected` open bench tasks; returns how long that took after creation. */
export async function waitForTasks(
  restAddress: string,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const seen = await countOpenTasks(restAddress);
    if (seen >= expected) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`the engine's search sees ${seen} of ${expected} tasks after ${timeoutMs} ms`);
    await sleep(500);
  }
}

/** Open bench task keys of one candidate group (for choosing what to claim), straight from the engine. */
export async function openTaskKeys(
  restAddress: string,
  candidateGroup: string,
  limit: number,
): Promise<string[]> {
  const response = await fetch(`${restAddress}/v2/user-tasks/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      filter: { state: 'CREATED', processDefinitionId: BENCH_PROCESS_ID, candidateGroup },
      page: { limit },
    }),
  });
  const body = (await response.json()) as { items?: { userTaskKey?: string }[] };
  if (response.status !== 200)
    throw new Error(`user-task search: ${response.status} ${JSON.stringify(body)}`);
  return (body.items ?? []).map((item) => String(item.userTaskKey));
}

/** A task's state per the engine (CREATED, COMPLETED, …), or undefined when the search does not find it. */
export async function taskState(restAddress: string, userTaskKey: string): Promise<string | undefined> {
  const response = await fetch(`${restAddress}/v2/user-tasks/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filter: { userTaskKey }, page: { limit: 1 } }),
  });
  const body = (await response.json()) as { items?: { state?: string }[] };
  return body.items?.[0]?.state;
}
