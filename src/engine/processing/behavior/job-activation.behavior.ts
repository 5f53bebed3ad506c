/** Job activation: the oldest activatable jobs of a type are locked for a worker until their deadline. */
import type { ActivatedJob, Clock, Variables } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { JobRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { Scheduler } from '../scheduler.js';
import type { VariableBehavior } from './variable.behavior.js';

export class JobActivationBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
    private readonly scheduler: Scheduler,
  ) {}

  /** Activates up to max jobs of the type, oldest first. */
  activate(
    type: string,
    worker: string,
    timeoutMs: number,
    max: number,
    fetchVariables: string[] | undefined,
    tenantIds?: string[],
  ): ActivatedJob[] {
    const activated: ActivatedJob[] = [];
    const picked: JobRecord[] = [];
    for (const key of this.state.activatableJobs.get(type)) {
      if (picked.length >= max) break;
      const job = this.state.jobs.get(key);
      if (!job || (tenantIds && tenantIds.length > 0 && !tenantIds.includes(job.tenantId))) continue;
      picked.push(job);
    }
    for (const job of picked) {
      job.state = 'ACTIVATED';
      job.worker = worker;
      job.deadline = this.clock.now() + timeoutMs;
      this.writer.putJob(job);
      this.scheduler.schedule(job.deadline, 'jobDeadline', job.key);
      activated.push(this.toActivated(job, fetchVariables));
    }
    return activated;
  }

  toActivated(job: JobRecord, fetchVariables: string[] | undefined): ActivatedJob {
    const visible = this.variables.visible(job.elementInstanceKey);
    let variables: Variables = visible;
    if (fetchVariables && fetchVariables.length > 0) {
      variables = {};
      for (const name of fetchVariables) if (name in visible) variables[name] = visible[name];
    }
    return {
      key: job.key,
      type: job.type,
      processInstanceKey: job.processInstanceKey,
      bpmnProcessId: job.bpmnProcessId,
      processDefinitionVersion: job.version,
      processDefinitionKey: job.processDefinitionKey,
      elementId: job.elementId,
      elementInstanceKey: job.elementInstanceKey,
      customHeaders: job.customHeaders,
      worker: job.worker,
      retries: job.retries,
      deadline: job.deadline,
      variables,
      tenantId: job.tenantId,
    };
  }
}
