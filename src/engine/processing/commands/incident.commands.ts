/** Resolving an incident retries what failed: the job (with retries again) or the element's step. */
import { EngineError } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';

export class IncidentCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly incidents: IncidentBehavior,
    private readonly flow: FlowBehavior,
    private readonly jobs: JobBehavior,
  ) {}

  resolve(incidentKey: string): void {
    const { state, incidents, flow, jobs } = this;
    const incident = state.incidents.get(incidentKey);
    if (!incident)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
      );
    incidents.resolve(incident);
    const instance = state.elements.get(incident.elementInstanceKey);
    if (incident.jobKey) {
      const job = state.jobs.get(incident.jobKey);
      if (!job) return;
      if (job.retries > 0 || job.state === 'ERROR_THROWN') {
        if (job.retries <= 0) job.retries = 1;
        jobs.makeActivatable(job);
      } else if (instance) {
        incidents.raise(instance, incident.errorType, incident.errorMessage, 'job', job.key);
      }
      return;
    }
    if (!instance) return;
    if (incident.retry === 'activate') flow.queueActivation(instance);
    else flow.complete(instance);
  }
}
