/**
 * Evaluates one decision of a decision requirements graph: its required decisions first (each once, depth first),
 * their results visible to the later ones under the required decision's id (and its variable name). Every
 * decision evaluated is reported with its inputs, matched rules and output, the failed one included, since Camunda
 * records them as decision instances either way.
 */
import type { FeelResult } from '../feel/feel-expression.js';
import type { DecisionModel, DecisionRequirementsModel, DecisionTable } from './decision-model.js';
import { applyHitPolicy, type RuleHit } from './hit-policy.js';

export interface EvaluatedInput {
  inputId: string;
  inputName: string;
  inputValue: unknown;
}

export interface EvaluatedOutput {
  outputId: string;
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decision: DecisionModel;
  /** null for the failed decision. */
  output: unknown;
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
  /** Set on the decision whose evaluation failed (the last one reported). */
  failure?: string;
}

export type DecisionEvaluation =
  | { ok: true; output: unknown; decisions: EvaluatedDecision[] }
  | { ok: false; failedDecisionId: string; message: string; decisions: EvaluatedDecision[] };

type Outcome = { ok: true; evaluated: EvaluatedDecision } | { ok: false; evaluated: EvaluatedDecision };

function failed(decision: DecisionModel, message: string, inputs: EvaluatedInput[] = []): Outcome {
  return {
    ok: false,
    evaluated: { decision, output: null, evaluatedInputs: inputs, matchedRules: [], failure: message },
  };
}

function evaluateTable(
  decision: DecisionModel,
  table: DecisionTable,
  variables: Record<string, unknown>,
  now: number,
): Outcome {
  const context = { variables, now };
  const evaluatedInputs: EvaluatedInput[] = [];
  const inputValues: unknown[] = [];
  for (const input of table.inputs) {
    const result = input.expression.evaluate(context);
    if (!result.ok) return failed(decision, `input '${input.name}': ${result.message}`, evaluatedInputs);
    inputValues.push(result.value ?? null);
    evaluatedInputs.push({ inputId: input.id, inputName: input.name, inputValue: result.value ?? null });
  }
  const hits: RuleHit[] = [];
  for (const [ruleIndex, rule] of table.rules.entries()) {
    let matches = true;
    for (const [index, entry] of rule.inputEntries.entries()) {
      const tested = entry.test(inputValues[index], context);
      if (!tested.ok) return failed(decision, `rule '${rule.id}': ${tested.message}`, evaluatedInputs);
      if (!tested.value) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    const values: unknown[] = [];
    for (const entry of rule.outputEntries) {
      const value: FeelResult = entry ? entry.evaluate(context) : { ok: true, value: null };
      if (!value.ok) return failed(decision, `rule '${rule.id}': ${value.message}`, evaluatedInputs);
      values.push(value.value ?? null);
    }
    hits.push({ ruleId: rule.id, ruleIndex: ruleIndex + 1, values });
  }
  const result = applyHitPolicy(table, hits);
  if (!result.ok) return failed(decision, result.message, evaluatedInputs);
  const matchedRules = result.hits.map((hit) => ({
    ruleId: hit.ruleId,
    ruleIndex: hit.ruleIndex,
    evaluatedOutputs: table.outputs.map((output, index) => ({
      outputId: output.id,
      outputName: output.label,
      outputValue: hit.values[index] ?? null,
    })),
  }));
  return { ok: true, evaluated: { decision, output: result.output, evaluatedInputs, matchedRules } };
}

function evaluateOne(decision: DecisionModel, variables: Record<string, unknown>, now: number): Outcome {
  const { logic } = decision;
  if (logic.kind === 'table') return evaluateTable(decision, logic, variables, now);
  const result = logic.expression.evaluate({ variables, now });
  if (!result.ok) return failed(decision, result.message);
  return {
    ok: true,
    evaluated: { decision, output: result.value ?? null, evaluatedInputs: [], matchedRules: [] },
  };
}

/** The decision and the ones it requires, required first; the parser rejected cycles and missing ones. */
function evaluationOrder(graph: DecisionRequirementsModel, decisionId: string): DecisionModel[] {
  const order: DecisionModel[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const decision = graph.decisions.get(id)!;
    for (const required of decision.requiredDecisionIds) visit(required);
    order.push(decision);
  };
  visit(decisionId);
  return order;
}

export function evaluateDecision(
  graph: DecisionRequirementsModel,
  decisionId: string,
  variables: Readonly<Record<string, unknown>>,
  now: number,
): DecisionEvaluation {
  const context: Record<string, unknown> = { ...variables };
  const decisions: EvaluatedDecision[] = [];
  let output: unknown = null;
  for (const decision of evaluationOrder(graph, decisionId)) {
    const outcome = evaluateOne(decision, context, now);
    decisions.push(outcome.evaluated);
    if (!outcome.ok) {
      const message = `Expected to evaluate decision '${decisionId}', but failed to evaluate decision '${decision.id}': ${outcome.evaluated.failure}`;
      outcome.evaluated.failure = message;
      return { ok: false, failedDecisionId: decision.id, message, decisions };
    }
    output = outcome.evaluated.output;
    context[decision.id] = output;
    if (decision.variableName !== decision.id) context[decision.variableName] = output;
  }
  return { ok: true, output, decisions };
}
