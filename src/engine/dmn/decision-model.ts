/**
 * The executable model of a deployed DMN resource: one decision requirements graph (DRG) holding its decisions,
 * each a decision table or a literal expression, every FEEL text compiled at deploy time. Immutable after parsing.
 */
import type { Expression } from '../feel/feel-expression.js';
import type { UnaryTests } from '../feel/compile-unary-tests.js';

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';
/** Camunda's DecisionDefinitionTypeEnum values the engine produces. */
export type DecisionType = 'DECISION_TABLE' | 'LITERAL_EXPRESSION';

export interface DecisionInput {
  id: string;
  /** The label, else the input expression's text: what evaluated inputs report as inputName. */
  name: string;
  expression: Expression;
}

export interface DecisionOutput {
  id: string;
  /** The output's name: the key of this output in a multi-output result. */
  name: string;
  /** The label, else the name: what evaluated outputs report as outputName. */
  label: string;
  /** Output values (`"high","low"`) in their listed order, as JSON text: PRIORITY and OUTPUT ORDER rank by them. */
  priorities: readonly string[];
}

export interface DecisionRule {
  id: string;
  /** One per input, in input order. */
  inputEntries: readonly UnaryTests[];
  /** One per output, in output order; null for an empty entry (the output is null). */
  outputEntries: readonly (Expression | null)[];
}

export interface DecisionTable {
  kind: 'table';
  id: string;
  hitPolicy: HitPolicy;
  aggregation: Aggregation | null;
  inputs: readonly DecisionInput[];
  outputs: readonly DecisionOutput[];
  rules: readonly DecisionRule[];
}

export interface LiteralExpressionLogic {
  kind: 'literal';
  id: string;
  expression: Expression;
}

export interface DecisionModel {
  id: string;
  name: string;
  /** `variable name` of the decision (a literal expression's result name); defaults to the id. */
  variableName: string;
  versionTag: string | null;
  /** Ids of the decisions whose results this one reads (information requirements), in document order. */
  requiredDecisionIds: readonly string[];
  logic: DecisionTable | LiteralExpressionLogic;
}

export interface DecisionRequirementsModel {
  /** dmn:definitions id. */
  id: string;
  name: string;
  namespace: string;
  resourceName: string;
  /** Every decision of the graph by id, in document order. */
  decisions: ReadonlyMap<string, DecisionModel>;
}

export function decisionType(decision: DecisionModel): DecisionType {
  return decision.logic.kind === 'table' ? 'DECISION_TABLE' : 'LITERAL_EXPRESSION';
}
