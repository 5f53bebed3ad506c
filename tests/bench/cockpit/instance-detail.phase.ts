import type { InstanceDetail } from '../../../src/shared/contracts/index.js';
import { drive, type InstanceMeasurement } from './phase.js';

/** One instance with its overlays (counts per element, flows taken, incidents, data, history), running or finished. */
export const instanceDetailPhase: InstanceMeasurement = {
  name: 'instance detail',
  async run({ giamsat, seeded, requests, inFlight, budgetMs }) {
    const result = await drive(requests, inFlight, budgetMs, async (index) => {
      const running = index % 2 === 0;
      const keys = running ? seeded.runningKeys : seeded.finishedKeys;
      const key = keys[index % keys.length]!;
      const kind = running ? 'running instance' : 'finished instance';
      const answer = await giamsat.get<InstanceDetail>(`/api/monitor/instances/${key}`);
      let failure: string | undefined;
      if (answer.status !== 200) failure = `${kind} ${key}: status ${answer.status}`;
      else {
        const step = answer.body.elements.find((element) => element.elementId === 'Task_LapBaoCao');
        const end = answer.body.elements.find((element) => element.elementId === 'EndEvent_DaXong');
        if (running ? step?.active !== 1 : end?.completed !== 1)
          failure = `${kind} ${key}: overlays ${JSON.stringify(answer.body.elements)}`;
        else if (answer.body.flows.length < 1 || !answer.body.bpmnXml.includes('Task_LapBaoCao'))
          failure = `${kind} ${key}: no path or diagram`;
      }
      return { kind, ms: answer.ms, ...(failure ? { failure } : {}) };
    });
    return { label: 'instance detail with overlays', targetP95Ms: 300, ...result };
  },
};
