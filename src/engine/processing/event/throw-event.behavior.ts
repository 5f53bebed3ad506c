/** What intermediate throw and end events do, per event definition. */
import { evaluateString } from '../../feel/evaluate-typed.js';
import type { EndEvent, IntermediateThrowEvent } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { CatchBehavior } from '../behavior/catch.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { JobBehavior } from '../behavior/job.behavior.js';
import type { SignalBehavior } from '../behavior/signal.behavior.js';
import type { VariableBehavior } from '../behavior/variable.behavior.js';
import { OK, type StepResult } from '../step-result.js';

type ThrowElement = EndEvent | IntermediateThrowEvent;

export class ThrowEventBehavior {
  constructor(
    private readonly flow: FlowBehavior,
    private readonly variables: VariableBehavior,
    private readonly signals: SignalBehavior,
    private readonly catches: CatchBehavior,
    private readonly jobs: JobBehavior,
  ) {}

  none(_element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    this.flow.complete(instance);
    return OK;
  }

  signal(element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type !== 'signal') return OK;
    const name = evaluateString(element.eventDefinition.signalName, this.variables.context(instance.key));
    if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
    this.flow.complete(instance);
    this.signals.broadcast(name.value, {});
    return OK;
  }

  escalation(element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type !== 'escalation') return OK;
    const codeExpression = element.eventDefinition.escalationCode;
    const code = codeExpression
      ? this.variables.evaluate(codeExpression, instance.key)
      : { ok: true as const, value: '' };
    if (!code.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: code.message };
    const thrown = this.catches.throwEscalation(instance, String(code.value));
    if (!thrown.interrupted) this.flow.complete(instance);
    return OK;
  }

  /** A message throw event with a job definition is worked like a send task. */
  message(element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (!element.job) return this.none(element, instance);
    return this.jobs.create(instance, element.job);
  }

  /** Error end events: uncaught is an incident. */
  error(element: ThrowElement, instance: ElementInstanceRecord): StepResult {
    if (element.eventDefinition.type !== 'error') return OK;
    const codeResult = element.eventDefinition.errorCode
      ? this.variables.evaluate(element.eventDefinition.errorCode, instance.key)
      : { ok: true as const, value: '' };
    if (!codeResult.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: codeResult.message };
    const code = String(codeResult.value);
    if (this.catches.throwError(instance, code, {})) return OK;
    return {
      ok: false,
      errorType: 'UNHANDLED_ERROR_EVENT',
      message: `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`,
    };
  }

  releaseJob(instance: ElementInstanceRecord): void {
    this.jobs.remove(instance.jobKey);
  }
}
