/** Jobs of job-worker elements: created ACTIVATABLE, locked by activation with a deadline, failed with retries. */
import type { ActivatedJob, Clock, Variables } from '../../engine-api.js';
import { evaluateInteger, evaluateString } from '../../feel/evaluate-typed.js';
import type { JobDefinition } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord, JobRecord } from '../../state/records.js';
import type { Scheduler } from '../scheduler.js';
import type { Effects } from './effects.js';
import type { StepResult } from '../step-result.js';
import type { VariableBehavior } from './variable.behavior.js';

export class JobBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
    private readonly scheduler: Scheduler,
    private readonly effects: Effects,
  ) {}

  create(instance: ElementInstanceRecord, definition: JobDefinition): StepResult {
    const context = this.variables.context(instance.key);
    const type = evaluateString(definition.type, context);
    if (!type.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: type.message };
    const retries = evaluateInteger(definition.retries, context);
    if (!retries.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: retries.message };
    const job: JobRecord = {
      key: this.keys.next(),
      type: type.value,
      state: 'ACTIVATABLE',
      retries: retries.value,
      worker: '',
      deadline: -1,
      retryAt: -1,
      errorMessage: '',
      customHeaders: definition.headers,
      elementId: instance.elementId,
      elementInstanceKey: instance.key,
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: instance.processDefinitionKey,
      bpmnProcessId: instance.bpmnProcessId,
      version: instance.version,
      tenantId: instance.tenantId,
    };
    this.writer.putJob(job);
    instance.jobKey = job.key;
    this.effects.jobTypes.add(job.type);
    return { ok: true };
  }

  /** A thrown error nothing catches: the job waits for the incident to be resolved. */
  markErrorThrown(job: JobRecord, errorMessage: string): void {
    job.state = 'ERROR_THROWN';
    job.errorMessage = errorMessage;
    job.worker = '';
    this.writer.putJob(job);
  }

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

  makeActivatable(job: JobRecord): void {
    job.state = 'ACTIVATABLE';
    job.worker = '';
    job.deadline = -1;
    job.retryAt = -1;
    this.writer.putJob(job);
    this.effects.jobTypes.add(job.type);
  }

  /** Fail with retries left: activatable now or after the back-off. */
  fail(job: JobRecord, retries: number, errorMessage: string, backOffMs: number): void {
    job.retries = retries;
    job.errorMessage = errorMessage;
    if (retries > 0 && backOffMs <= 0) {
      this.makeActivatable(job);
      return;
    }
    job.state = 'FAILED';
    job.worker = '';
    job.deadline = -1;
    job.retryAt = retries > 0 ? this.clock.now() + backOffMs : -1;
    this.writer.putJob(job);
    if (job.retryAt > 0) this.scheduler.schedule(job.retryAt, 'jobRetry', job.key);
  }

  /** The job's element finished or was terminated. */
  remove(jobKey: string | null | undefined): void {
    if (!jobKey) return;
    const job = this.state.jobs.get(jobKey);
    if (!job) return;
    this.writer.deleteJob(job);
  }

  /** Scheduler: an activation deadline passed. */
  onDeadline(jobKey: string, now: number): void {
    const job = this.state.jobs.get(jobKey);
    if (job && job.state === 'ACTIVATED' && job.deadline <= now) this.makeActivatable(job);
  }

  onRetryDue(jobKey: string, now: number): void {
    const job = this.state.jobs.get(jobKey);
    if (job && job.state === 'FAILED' && job.retries > 0 && job.retryAt > 0 && job.retryAt <= now) {
      this.makeActivatable(job);
    }
  }
}
