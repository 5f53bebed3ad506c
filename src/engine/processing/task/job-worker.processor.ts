/** Service, send and business-rule tasks (and script tasks without zeebe:script): the work is a job. */
import type { JobTask } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const jobWorkerProcessor: ElementProcessor<JobTask> = {
  onActivate: (ctx, element, instance) => ctx.jobs.create(instance, element.job),
  onTerminate: (ctx, _element, instance) => ctx.jobs.remove(instance.jobKey),
};
