/** Service, send and business-rule tasks (and script tasks without zeebe:script): the work is a job. */
import type { JobTask } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import type { StepResult } from '../step-result.js';

export class JobWorkerProcessor implements ElementProcessor<JobTask> {
  constructor(private readonly jobs: JobBehavior) {}

  onActivate(element: JobTask, instance: ElementInstanceRecord): StepResult {
    return this.jobs.create(instance, element.job);
  }

  onTerminate(_element: JobTask, instance: ElementInstanceRecord): void {
    this.jobs.remove(instance.jobKey);
  }
}
