import { SEARCH_TOTAL_CAP } from '../../../src/engine/engine-api.js';
import type { InstanceList } from '../../../src/shared/contracts/index.js';
import { COCKPIT_PROCESS_ID } from './instance-seed.js';
import { drive, type InstanceMeasurement } from './phase.js';

/**
 * The instance list at the seeded size (finished instances included) as giamsat asks for it: the first page, a
 * state, the process, later pages, other sorts, a unit and a period. Every answer is checked against the seed.
 */
export const instanceListPhase: InstanceMeasurement = {
  name: 'instance list',
  async run({ giamsat, seeded, requests, inFlight, budgetMs }) {
    const process = `process=${COCKPIT_PROCESS_ID}`;
    const kinds: { kind: string; query: string; total?: number }[] = [
      { kind: 'all, first page', query: '' },
      { kind: 'running', query: 'state=ACTIVE', total: seeded.running },
      {
        kind: 'finished, by end date',
        query: 'state=COMPLETED&sort=endDate&order=desc',
        total: seeded.finished,
      },
      { kind: 'process, page 50', query: `${process}&page=50`, total: seeded.total },
      {
        kind: 'process, oldest first',
        query: `${process}&sort=startDate&order=asc`,
        total: seeded.total,
      },
      // Half of them name don-vi-1.
      { kind: 'unit', query: `${process}&unit=don-vi-1`, total: seeded.withFirstUnit },
      { kind: 'period', query: `${process}&period=2026-N&state=ACTIVE` },
    ];
    const result = await drive(requests, inFlight, budgetMs, async (index) => {
      const { kind, query, total } = kinds[index % kinds.length]!;
      const answer = await giamsat.get<InstanceList>(`/api/monitor/instances?${query}`);
      let failure: string | undefined;
      if (answer.status !== 200) failure = `${kind}: status ${answer.status}`;
      // Counted up to 10,000 as Camunda 8.8 counts, then "at least".
      else if (
        total !== undefined &&
        (answer.body.total !== Math.min(total, SEARCH_TOTAL_CAP) ||
          answer.body.totalIsLowerBound !== total > SEARCH_TOTAL_CAP)
      )
        failure = `${kind}: total ${answer.body.total}${answer.body.totalIsLowerBound ? '+' : ''}, seeded ${total}`;
      else if (
        answer.body.counts.ACTIVE + answer.body.counts.COMPLETED < Math.min(total ?? 1, SEARCH_TOTAL_CAP) &&
        kind !== 'period'
      )
        failure = `${kind}: counts ${JSON.stringify(answer.body.counts)}`;
      return { kind, ms: answer.ms, ...(failure ? { failure } : {}) };
    });
    return { label: 'instance list', targetP95Ms: 200, ...result };
  },
};
