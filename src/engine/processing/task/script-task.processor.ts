/** Script tasks: with zeebe:script the engine evaluates the FEEL expression; otherwise a job like a service task. */
import type { JobTask, ScriptTask } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';
import { jobWorkerProcessor } from './job-worker.processor.js';

export const scriptTaskProcessor: ElementProcessor<JobTask | ScriptTask> = {
  onActivate(ctx, element, instance) {
    if (!('script' in element)) return jobWorkerProcessor.onActivate(ctx, element, instance);
    const result = ctx.variables.evaluate(element.script.expression, instance.key);
    if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
    ctx.variables.mergeResult(instance, element.outputMappings.length > 0, {
      [element.script.resultVariable]: result.value,
    });
    ctx.flow.complete(instance);
    return { ok: true };
  },
  onTerminate: (ctx, _element, instance) => ctx.jobs.remove(instance.jobKey),
};
