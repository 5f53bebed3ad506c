/** Job commands from workers: complete, fail, throw an error. */
import {
  EngineError,
  type FailJobCommand,
  type ThrowErrorCommand,
  type Variables,
} from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { CatchBehavior } from '../behavior/catch.behavior.js';
import type { ElementLookup } from '../behavior/element-lookup.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { assertObject, findJob } from './job-lookup.js';

export class JobCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly lookup: ElementLookup,
    private readonly jobs: JobBehavior,
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
    private readonly incidents: IncidentBehavior,
    private readonly catches: CatchBehavior,
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
    this.variables.mergeResult(instance, this.lookup.hasOutputMappings(instance), variables);
    instance.jobKey = null;
    this.flow.complete(instance);
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
    this.jobs.fail(job, retries, command.errorMessage ?? '', command.retryBackOffMs ?? 0);
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

  throwError(command: ThrowErrorCommand): void {
    const job = this.job(command.jobKey, 'throw an error for');
    if (job.state !== 'ACTIVATED' && job.state !== 'ACTIVATABLE') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to throw an error for job with key '${command.jobKey}', but it is in state '${job.state}'`,
      );
    }
    assertObject(command.variables);
    const instance = this.state.elements.get(job.elementInstanceKey);
    if (!instance) return;
    if (this.catches.throwError(instance, command.errorCode, command.variables ?? {})) {
      this.jobs.remove(job.key);
      return;
    }
    this.jobs.markErrorThrown(job, command.errorMessage ?? '');
    const detail = command.errorMessage ? ` with message '${command.errorMessage}'` : '';
    this.incidents.raise(
      instance,
      'UNHANDLED_ERROR_EVENT',
      `Expected to throw an error event with the code '${command.errorCode}'${detail}, but it was not caught. No error events are available in the scope.`,
      'job',
      job.key,
    );
  }
}
