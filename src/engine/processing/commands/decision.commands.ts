/**
 * EvaluateDecision: the decision by key or by id (its latest version), evaluated outside any process instance.
 * Unknown decisions are refused before anything changes; a failed evaluation is still recorded (a FAILED decision
 * instance, as Zeebe records it) and answered as a value, which the facade turns into INVALID_ARGUMENT once the
 * record is durable.
 */
import {
  EngineError,
  type DecisionEvaluationResult,
  type EvaluateDecisionCommand,
} from '../../engine-api.js';
import type { DecisionBehavior } from '../behavior/decision.behavior.js';

export type EvaluateDecisionOutcome =
  { ok: true; result: DecisionEvaluationResult } | { ok: false; failedDecisionId: string; message: string };

export class DecisionCommands {
  constructor(private readonly decisions: DecisionBehavior) {}

  evaluate(command: EvaluateDecisionCommand): EvaluateDecisionOutcome {
    const found = command.decisionKey
      ? this.decisions.byKey(command.decisionKey)
      : command.decisionId
        ? this.decisions.latest(command.decisionId)
        : undefined;
    if (!found)
      throw new EngineError(
        'INVALID_ARGUMENT',
        'Expected either a decision key or a decision id, but none given',
      );
    if (!found.ok) throw new EngineError('NOT_FOUND', found.message);
    const outcome = this.decisions.evaluate(found, command.variables ?? {}, null);
    if (!outcome.ok)
      return {
        ok: false,
        failedDecisionId: outcome.failedDecisionId ?? found.decision.decisionId,
        message: outcome.failureMessage ?? 'the decision evaluation failed',
      };
    const { decision } = found;
    return {
      ok: true,
      result: {
        decisionKey: decision.key,
        decisionId: decision.decisionId,
        decisionName: decision.name,
        decisionVersion: decision.version,
        decisionRequirementsId: decision.decisionRequirementsId,
        decisionRequirementsKey: decision.decisionRequirementsKey,
        output: JSON.stringify(outcome.output ?? null),
        evaluatedDecisions: outcome.instances.map((instance) => ({
          decisionKey: instance.decisionDefinitionKey,
          decisionId: instance.decisionDefinitionId,
          decisionName: instance.decisionDefinitionName,
          decisionVersion: instance.decisionDefinitionVersion,
          decisionType: instance.decisionDefinitionType,
          output: instance.result,
          evaluatedInputs: instance.evaluatedInputs,
          matchedRules: instance.matchedRules,
          decisionInstanceKey: instance.key,
          tenantId: instance.tenantId,
        })),
        decisionEvaluationKey: outcome.decisionEvaluationKey,
        tenantId: decision.tenantId,
      },
    };
  }
}
