/** A worker throws a BPMN error for its job: caught by a boundary event or event sub-process, else an incident. */
import { EngineError, type ThrowErrorCommand } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { CatchBehavior } from '../behavior/catch.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import { assertObject, findJob } from './job-lookup.js';

export class JobErrorCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly jobs: JobBehavior,
    private readonly incidents: IncidentBehavior,
    private readonly catches: CatchBehavior,
  ) {}

  throwError(command: ThrowErrorCommand): void {
    const job = findJob(this.state, command.jobKey, 'throw an error for');
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
