/**
 * Decisions at run time: finds the deployed decision a caller names (by key, latest, deployment or version tag),
 * evaluates it with its required decisions, and records one decision instance per evaluated decision, the failed
 * one included. Used by EvaluateDecision and by business-rule tasks.
 */
import type { Clock } from '../../engine-api.js';
import type { DecisionRequirementsModel } from '../../dmn/decision-model.js';
import { decisionType } from '../../dmn/decision-model.js';
import { evaluateDecision, type EvaluatedDecision } from '../../dmn/evaluate-decision.js';
import type { CalledDecisionDefinition } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { DecisionInstanceRecord, DecisionRecord, ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';

export type FoundDecision =
  { ok: true; decision: DecisionRecord; graph: DecisionRequirementsModel } | { ok: false; message: string };

export interface DecisionOutcome {
  ok: boolean;
  /** The requested decision's result (null when the evaluation failed). */
  output: unknown;
  decisionEvaluationKey: string;
  /** Required decisions first; on failure the failed decision is last. */
  instances: DecisionInstanceRecord[];
  failedDecisionId: string | null;
  failureMessage: string | null;
}

export class DecisionBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
  ) {}

  byKey(decisionKey: string): FoundDecision {
    const decision = this.state.decisions.get(decisionKey);
    return decision
      ? this.withGraph(decision)
      : {
          ok: false,
          message: `Expected to evaluate decision with key '${decisionKey}', but no such decision was found`,
        };
  }

  latest(decisionId: string): FoundDecision {
    const decision = this.state.latestDecision(decisionId);
    return decision
      ? this.withGraph(decision)
      : {
          ok: false,
          message: `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
        };
  }

  /** The version a business-rule task binds, by its binding type. */
  called(called: CalledDecisionDefinition, decisionId: string, processDefinitionKey: string): FoundDecision {
    if (called.bindingType === 'latest') return this.latest(decisionId);
    if (called.bindingType === 'deployment') {
      const definition = this.state.definitions.get(processDefinitionKey);
      const bound = definition?.deploymentDecisions?.find((each) => each.decisionId === decisionId);
      const decision = bound ? this.state.decisions.get(bound.decisionKey) : undefined;
      return decision
        ? this.withGraph(decision)
        : {
            ok: false,
            message: `Expected to evaluate decision '${decisionId}' with binding type 'deployment', but no such decision was deployed with the process`,
          };
    }
    const keys = this.state.decisionVersions.get(decisionId) ?? [];
    for (let index = keys.length - 1; index >= 0; index--) {
      const decision = this.state.decisions.get(keys[index]!);
      if (decision?.versionTag === called.versionTag) return this.withGraph(decision);
    }
    return {
      ok: false,
      message: `Expected to evaluate decision '${decisionId}' with version tag '${called.versionTag}', but no such decision was found`,
    };
  }

  private withGraph(decision: DecisionRecord): FoundDecision {
    const graph = this.state.decisionGraphs.get(decision.decisionRequirementsKey);
    if (!graph)
      return {
        ok: false,
        message: `Expected to evaluate decision '${decision.decisionId}', but its decision requirements '${decision.decisionRequirementsId}' could not be read`,
      };
    return { ok: true, decision, graph };
  }

  /** Evaluates and records; `instance` is the business-rule task that asked, if any. */
  evaluate(
    found: Extract<FoundDecision, { ok: true }>,
    variables: Readonly<Record<string, unknown>>,
    instance: ElementInstanceRecord | null,
  ): DecisionOutcome {
    const now = this.clock.now();
    const evaluation = evaluateDecision(found.graph, found.decision.decisionId, variables, now);
    const decisionEvaluationKey = this.keys.next();
    const instances = evaluation.decisions.map((evaluated) =>
      this.record(evaluated, found.decision, decisionEvaluationKey, now, instance),
    );
    for (const record of instances) this.writer.recordDecisionInstance(record);
    return evaluation.ok
      ? {
          ok: true,
          output: evaluation.output,
          decisionEvaluationKey,
          instances,
          failedDecisionId: null,
          failureMessage: null,
        }
      : {
          ok: false,
          output: null,
          decisionEvaluationKey,
          instances,
          failedDecisionId: evaluation.failedDecisionId,
          failureMessage: evaluation.message,
        };
  }

  /** The deployed decision of a graph's decision: the version deployed with the requested one. */
  private recordOf(requested: DecisionRecord, decisionId: string): DecisionRecord {
    if (decisionId === requested.decisionId) return requested;
    for (const key of this.state.decisionVersions.get(decisionId) ?? []) {
      const decision = this.state.decisions.get(key);
      if (decision?.decisionRequirementsKey === requested.decisionRequirementsKey) return decision;
    }
    return requested;
  }

  private record(
    evaluated: EvaluatedDecision,
    requested: DecisionRecord,
    decisionEvaluationKey: string,
    now: number,
    instance: ElementInstanceRecord | null,
  ): DecisionInstanceRecord {
    const decision = this.recordOf(requested, evaluated.decision.id);
    return {
      key: this.keys.next(),
      decisionEvaluationKey,
      state: evaluated.failure === undefined ? 'EVALUATED' : 'FAILED',
      evaluationDate: now,
      evaluationFailure: evaluated.failure ?? null,
      decisionDefinitionKey: decision.key,
      decisionDefinitionId: decision.decisionId,
      decisionDefinitionName: decision.name,
      decisionDefinitionVersion: decision.version,
      decisionDefinitionType: decisionType(evaluated.decision),
      decisionRequirementsKey: decision.decisionRequirementsKey,
      decisionRequirementsId: decision.decisionRequirementsId,
      result: json(evaluated.output),
      evaluatedInputs: evaluated.evaluatedInputs.map((input) => ({
        ...input,
        inputValue: json(input.inputValue),
      })),
      matchedRules: evaluated.matchedRules.map((rule) => ({
        ...rule,
        evaluatedOutputs: rule.evaluatedOutputs.map((output) => ({
          ...output,
          outputValue: json(output.outputValue),
        })),
      })),
      processDefinitionKey: instance?.processDefinitionKey ?? null,
      processInstanceKey: instance?.processInstanceKey ?? null,
      elementInstanceKey: instance?.key ?? null,
      elementId: instance?.elementId ?? null,
      tenantId: decision.tenantId,
    };
  }
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
