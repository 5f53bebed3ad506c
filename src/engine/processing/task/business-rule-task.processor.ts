/**
 * Business-rule tasks: with zeebe:calledDecision the engine evaluates the decision and sets its result variable,
 * then completes the task; otherwise a job like a service task. A decision that cannot be found or fails to
 * evaluate raises an incident; resolving it evaluates again.
 */
import { evaluateString } from '../../feel/evaluate-typed.js';
import type { BusinessRuleTask, JobTask } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { DecisionBehavior } from '../behavior/decision.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import { OK, type StepResult } from '../step-result.js';

export class BusinessRuleTaskProcessor implements ElementProcessor<JobTask | BusinessRuleTask> {
  constructor(
    private readonly variables: VariableBehavior,
    private readonly flow: FlowBehavior,
    private readonly jobs: JobBehavior,
    private readonly decisions: DecisionBehavior,
  ) {}

  onActivate(element: JobTask | BusinessRuleTask, instance: ElementInstanceRecord): StepResult {
    if (!('calledDecision' in element)) return this.jobs.create(instance, element.job);
    const called = element.calledDecision;
    const context = this.variables.context(instance.key);
    const decisionId = evaluateString(called.decisionId, context);
    if (!decisionId.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: decisionId.message };
    const found = this.decisions.called(called, decisionId.value, instance.processDefinitionKey);
    if (!found.ok) return { ok: false, errorType: 'CALLED_DECISION_ERROR', message: found.message };
    const outcome = this.decisions.evaluate(found, context.variables, instance);
    if (!outcome.ok)
      return {
        ok: false,
        errorType: 'DECISION_EVALUATION_ERROR',
        message: outcome.failureMessage ?? 'the decision evaluation failed',
      };
    this.variables.mergeResult(instance, element.outputMappings.length > 0, {
      [called.resultVariable]: outcome.output,
    });
    this.flow.complete(instance);
    return OK;
  }

  onTerminate(_element: JobTask | BusinessRuleTask, instance: ElementInstanceRecord): void {
    this.jobs.remove(instance.jobKey);
  }
}
