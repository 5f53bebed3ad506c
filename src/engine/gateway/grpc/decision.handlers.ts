/** EvaluateDecision over gRPC: the request mapped to the engine's command, the evaluation back to the proto. */
import type { DecisionEvaluationResult } from '../../engine-api.js';
import { parseVariablesJson } from '../variables-json.js';
import { optionalKey, unary } from './grpc-handler.js';

/** gateway.proto's EvaluateDecisionRequest as proto-loader decodes it. */
interface EvaluateDecisionRequest {
  decisionKey: string;
  decisionId: string;
  variables: string;
  tenantId: string;
}

function toResponse(result: DecisionEvaluationResult): object {
  return {
    decisionKey: result.decisionKey,
    decisionId: result.decisionId,
    decisionName: result.decisionName,
    decisionVersion: result.decisionVersion,
    decisionRequirementsId: result.decisionRequirementsId,
    decisionRequirementsKey: result.decisionRequirementsKey,
    decisionOutput: result.output,
    evaluatedDecisions: result.evaluatedDecisions.map((decision) => ({
      decisionKey: decision.decisionKey,
      decisionId: decision.decisionId,
      decisionName: decision.decisionName,
      decisionVersion: decision.decisionVersion,
      decisionType: decision.decisionType,
      decisionOutput: decision.output,
      matchedRules: decision.matchedRules,
      evaluatedInputs: decision.evaluatedInputs,
      tenantId: decision.tenantId,
    })),
    failedDecisionId: '',
    failureMessage: '',
    tenantId: result.tenantId,
    decisionInstanceKey: result.decisionEvaluationKey,
  };
}

export const evaluateDecisionHandler = unary<EvaluateDecisionRequest, object>(async (request, { engine }) =>
  toResponse(
    await engine.evaluateDecision({
      decisionKey: optionalKey(request.decisionKey),
      decisionId: request.decisionId || undefined,
      variables: parseVariablesJson(request.variables),
      tenantId: request.tenantId || undefined,
    }),
  ),
);
