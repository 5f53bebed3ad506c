/** Job commands from workers: complete, fail, throw error, update retries and timeout. */
import {
  EngineError,
  type FailJobCommand,
  type ThrowErrorCommand,
  type Variables,
} from '../../engine-api.js';
import type { JobRecord } from '../../state/records.js';
import type { ProcessingContext } from '../processing-context.js';

export class JobCommands {
  constructor(private readonly ctx: ProcessingContext) {}

  private job(jobKey: string, action: string): JobRecord {
    const job = this.ctx.state.jobs.get(jobKey);
    if (!job)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to ${action} job with key '${jobKey}', but no such job was found`,
      );
    return job;
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
    const instance = this.ctx.state.elements.get(job.elementInstanceKey);
    this.ctx.jobs.remove(job.key);
    if (!instance || instance.state !== 'ACTIVATED') return;
    const element = this.ctx.flow.elementOf(instance);
    const hasOutput = 'outputMappings' in element && element.outputMappings.length > 0;
    this.ctx.variables.mergeResult(instance, hasOutput, variables);
    instance.jobKey = null;
    this.ctx.flow.complete(instance);
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
      this.ctx.variables.setAllLocal(job.elementInstanceKey, command.variables);
    }
    const retries = Math.max(0, command.retries);
    this.ctx.jobs.fail(job, retries, command.errorMessage ?? '', command.retryBackOffMs ?? 0);
    if (retries === 0) {
      const instance = this.ctx.state.elements.get(job.elementInstanceKey);
      if (instance) {
        this.ctx.incidents.raise(
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
    const instance = this.ctx.state.elements.get(job.elementInstanceKey);
    if (!instance) return;
    if (this.ctx.triggers.throwError(instance, command.errorCode, command.variables ?? {})) {
      this.ctx.jobs.remove(job.key);
      return;
    }
    job.state = 'ERROR_THROWN';
    job.errorMessage = command.errorMessage ?? '';
    job.worker = '';
    this.ctx.writer.putJob(job);
    const detail = command.errorMessage ? ` with message '${command.errorMessage}'` : '';
    this.ctx.incidents.raise(
      instance,
      'UNHANDLED_ERROR_EVENT',
      `Expected to throw an error event with the code '${command.errorCode}'${detail}, but it was not caught. No error events are available in the scope.`,
      'job',
      job.key,
    );
  }

  updateRetries(jobKey: string, retries: number): void {
    const job = this.job(jobKey, 'update retries of');
    if (!Number.isInteger(retries) || retries < 1) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected retries to be greater than zero, but it was ${retries}`,
      );
    }
    job.retries = retries;
    this.ctx.writer.putJob(job);
  }

  updateTimeout(jobKey: string, timeoutMs: number): void {
    const job = this.job(jobKey, 'update the timeout of');
    if (job.state !== 'ACTIVATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
      );
    }
    job.deadline = this.ctx.clock.now() + timeoutMs;
    this.ctx.writer.putJob(job);
    this.ctx.scheduler.schedule(job.deadline, 'jobDeadline', job.key);
  }
}

function assertObject(variables: unknown): void {
  if (
    variables !== undefined &&
    (typeof variables !== 'object' || variables === null || Array.isArray(variables))
  ) {
    throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
  }
}
