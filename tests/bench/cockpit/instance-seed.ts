import { SEARCH_TOTAL_CAP } from '../../../src/engine/engine-api.js';
import { element, flow, processXml } from '../../support/harness/bpmn.js';
import { endEvent, startEvent, userTask } from '../../support/harness/bpmn-elements.js';
import type { ZeebeClient } from '../../support/harness/clients.js';
import { sleep } from '../support/stats.js';

export const COCKPIT_PROCESS_ID = 'bench-cockpit-bao-cao';
/** Units named in the instances' `units` variable, so the cockpit's unit filter has something to find. */
export const BENCH_UNIT_CODES = Array.from({ length: 20 }, (_, index) => `don-vi-${index + 1}`);

/**
 * A period's report as the cockpit sees it: the instances that are marked finished end at once (history), the others
 * wait at a unit's drafting task (running); both carry a period and units like bao-cao-dan-van.
 */
export const COCKPIT_BPMN = processXml(
  COCKPIT_PROCESS_ID,
  [
    startEvent('StartEvent_1'),
    element('bpmn:exclusiveGateway', { id: 'Gateway_DaXong', default: 'Flow_ChoXuLy' }),
    userTask('Task_LapBaoCao', { name: 'Lập báo cáo', candidateGroups: 'bench-khong-ai' }),
    endEvent('EndEvent_1'),
    endEvent('EndEvent_DaXong'),
    flow('StartEvent_1', 'Gateway_DaXong', { id: 'Flow_1' }),
    flow('Gateway_DaXong', 'EndEvent_DaXong', { id: 'Flow_DaXong', condition: '=finished' }),
    flow('Gateway_DaXong', 'Task_LapBaoCao', { id: 'Flow_ChoXuLy' }),
    flow('Task_LapBaoCao', 'EndEvent_1', { id: 'Flow_2' }),
  ],
  { name: 'Báo cáo (thử tải theo dõi)' },
);

export interface SeededInstances {
  total: number;
  /**
   * How many of them the engine's search finds before measuring: all of them once finished history is searchable in
   * full (architecture principle 10); an engine that keeps only recent history in memory finds fewer.
   */
  searchable: number;
  /** Finished instances searchable (searchable − running). */
  searchableFinished: number;
  running: number;
  finished: number;
  /** Instances whose units include `don-vi-1` (every other one). */
  withFirstUnit: number;
  /** A few keys of each kind, for the detail phase. */
  runningKeys: string[];
  finishedKeys: string[];
}

export async function deployCockpitProcess(zeebe: ZeebeClient): Promise<void> {
  await zeebe.deployResource({ name: `${COCKPIT_PROCESS_ID}.bpmn`, process: Buffer.from(COCKPIT_BPMN) });
}

/**
 * `total` instances, `inFlight` at a time over gRPC; one in `runningEvery` stays running, the others finish at once.
 * Instance i names units don-vi-(i mod 2 + 1)…: half of them include don-vi-1.
 */
export async function createInstances(
  zeebe: ZeebeClient,
  total: number,
  runningEvery: number,
  inFlight: number,
  progress: (message: string) => void,
): Promise<SeededInstances> {
  const seeded: SeededInstances = {
    total,
    searchable: 0,
    searchableFinished: 0,
    running: 0,
    finished: 0,
    withFirstUnit: 0,
    runningKeys: [],
    finishedKeys: [],
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const index = next++;
        const finished = index % runningEvery !== 0;
        const units = BENCH_UNIT_CODES.filter((_, position) => position % 2 === index % 2).map((code) => ({
          code,
          kind: 'co-so',
          name: code,
        }));
        const created = await zeebe.createProcessInstance({
          bpmnProcessId: COCKPIT_PROCESS_ID,
          variables: {
            finished,
            units,
            period: { code: index % 3 === 0 ? '2026-N' : '2026-6T', label: 'kỳ thử tải' },
          } as never,
        });
        if (finished) seeded.finished++;
        else seeded.running++;
        if (index % 2 === 0) seeded.withFirstUnit++;
        const keys = finished ? seeded.finishedKeys : seeded.runningKeys;
        if (keys.length < 200 && index % 7 === 0) keys.push(String(created.processInstanceKey));
        const done = seeded.running + seeded.finished;
        if (done % 10_000 === 0) progress(`${done} / ${total} instances created`);
      }
    }),
  );
  return seeded;
}

async function countInstances(restAddress: string, filter: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${restAddress}/v2/process-instances/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      filter: { processDefinitionId: COCKPIT_PROCESS_ID, ...filter },
      page: { limit: 1 },
    }),
  });
  const body = (await response.json()) as { page?: { totalItems?: number } };
  if (response.status !== 200) throw new Error(`instance search: ${response.status} ${JSON.stringify(body)}`);
  return body.page?.totalItems ?? 0;
}

/**
 * Waits until the engine's search sees every running bench instance and its count of all of them stops growing
 * (Camunda's searches lag; ours may too), then records how many it finds.
 */
export async function waitForInstances(
  restAddress: string,
  seeded: SeededInstances,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now();
  let last = -1;
  for (;;) {
    const running = await countInstances(restAddress, { state: 'ACTIVE' });
    const all = await countInstances(restAddress, {});
    // Counts stop at 10,000 (Camunda 8.8's cap), so a larger seed is awaited only up to there.
    const runningSeen = running >= Math.min(seeded.running, SEARCH_TOTAL_CAP);
    if (runningSeen && (all >= Math.min(seeded.total, SEARCH_TOTAL_CAP) || all === last)) {
      seeded.searchable = all;
      seeded.searchableFinished = all - running;
      return;
    }
    last = all;
    if (Date.now() - started > timeoutMs) throw new Error(`only ${running} running instances searchable`);
    await sleep(2_000);
  }
}
