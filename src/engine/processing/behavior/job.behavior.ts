/**
 * Jobs of job-worker elements: created ACTIVATABLE, made activatable again (after a failure, a timeout or a resolved
 * incident), removed when their element finishes. Activation and retries are JobActivationBehavior and
 * JobRetryBehavior.
 */
import { evaluateInteger, evaluateString } from '../../feel/evaluate-typed.js';
import type { JobDefinition } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord, JobRecord } from '../../state/records.js';
import type { Effects } from './effects.js';
import type { StepResult } from '../step-result.js';
import type { VariableBehavior } from './variable.behavior.js';

export class JobBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly variables: VariableBehavior,
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

  makeActivatable(job: JobRecord): void {
    job.state = 'ACTIVATABLE';
    job.worker = '';
    job.deadline = -1;
    job.retryAt = -1;
    this.writer.putJob(job);
    this.effects.jobTypes.add(job.type);
  }

  /** The job's element finished or was terminated. */
  remove(jobKey: string | null | undefined): void {
    if (!jobKey) return;
    const job = this.state.jobs.get(jobKey);
    if (!job) return;
    this.writer.deleteJob(job);
  }
}
