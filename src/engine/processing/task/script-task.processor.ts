/** Script tasks: with zeebe:script the engine evaluates the FEEL expression; otherwise a job like a service task. */
import type { JobTask, ScriptTask } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class ScriptTaskProcessor implements ElementProcessor<JobTask | ScriptTask> {
  constructor(
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
    private readonly jobs: JobBehavior,
  ) {}

  onActivate(element: JobTask | ScriptTask, instance: ElementInstanceRecord): StepResult {
    if (!('script' in element)) return this.jobs.create(instance, element.job);
    const result = this.variables.evaluate(element.script.expression, instance.key);
    if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
    this.variables.mergeResult(instance, element.outputMappings.length > 0, {
      [element.script.resultVariable]: result.value,
    });
    this.flow.complete(instance);
    return OK;
  }

  onTerminate(_element: JobTask | ScriptTask, instance: ElementInstanceRecord): void {
    this.jobs.remove(instance.jobKey);
  }
}
