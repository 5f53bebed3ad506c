/** Job commands from workers: complete and fail (throwing an error is JobErrorCommands). */
import { EngineError, type FailJobCommand, type Variables } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { CompletionBehavior } from '../behavior/completion.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { JobRetryBehavior } from '../behavior/job-retry.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { assertObject, findJob } from './job-lookup.js';

export class JobCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly jobs: JobBehavior,
    private readonly retries: JobRetryBehavior,
    private readonly variables: VariableBehavior,
    private readonly incidents: IncidentBehavior,
    private readonly completion: CompletionBehavior,
  ) {}

  private job(jobKey: string, action: string) {
    return findJob(this.state, jobKey, action);
  }

  complete(jobKey: string, variables: Variables | undefined): void {
    const job = this.job(jobKey, 'complete');
    if (job.state !== 'ACTIVATED' && job.state !== 'ACTIVATABLE') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to complete job with key '${jobKey}', but it is in state '${job.state}'`,
      );
    }
    assertObject(variables);
    const instance = this.state.elements.get(job.elementInstanceKey);
    this.jobs.remove(job.key);
    if (!instance || instance.state !== 'ACTIVATED') return;
    instance.jobKey = null;
    this.completion.completeWith(instance, variables);
  }

  fail(command: FailJobCommand): void {
    const job = this.job(command.jobKey, 'fail');
    if (job.state !== 'ACTIVATED' && job.state !== 'ACTIVATABLE') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to fail job with key '${command.jobKey}', but it is in state '${job.state}'`,
      );
    }
    assertObject(command.variables);
    if (command.variables && Object.keys(command.variables).length > 0) {
      this.variables.setAllLocal(job.elementInstanceKey, command.variables);
    }
    const retries = Math.max(0, command.retries);
    this.retries.fail(job, retries, command.errorMessage ?? '', command.retryBackOffMs ?? 0);
    if (retries === 0) {
      const instance = this.state.elements.get(job.elementInstanceKey);
      if (instance) {
        this.incidents.raise(
          instance,
          'JOB_NO_RETRIES',
          command.errorMessage || 'No more retries left.',
          'job',
          job.key,
        );
      }
    }
  }
}
