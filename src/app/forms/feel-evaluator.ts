import { evaluate, unaryTest, type Warning } from 'feelin';

/** The result of a FEEL evaluation as a value: a broken expression is reported, never thrown. */
export type FeelOutcome = { ok: true; value: unknown } | { ok: false; reason: string };

// Missing variables are normal (a field not filled in yet); a missing function or a failed call is a broken form.
const FATAL_WARNINGS: ReadonlySet<Warning['type']> = new Set([
  'NO_FUNCTION_FOUND',
  'FUNCTION_INVOCATION_FAILURE',
]);

function outcomeOf(run: () => { value: unknown; warnings: Warning[] }): FeelOutcome {
  try {
    const { value, warnings } = run();
    const fatal = warnings.find((warning) => FATAL_WARNINGS.has(warning.type));
    return fatal ? { ok: false, reason: fatal.message } : { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Hide conditions are unary tests in form-js (its ConditionChecker calls feelin's unaryTest). */
export function runUnaryTest(expression: string, context: Record<string, unknown>): FeelOutcome {
  return outcomeOf(() => unaryTest(expression, context));
}

export function runExpression(expression: string, context: Record<string, unknown>): FeelOutcome {
  return outcomeOf(() => evaluate(expression, context));
}

/** form-js marks FEEL with a leading "="; anything else is a literal. */
export function stripFeelMarker(text: string): string | undefined {
  return text.startsWith('=') ? text.slice(1) : undefined;
}

export interface ScopeInfo {
  /** The whole data: context variables merged with the submission. */
  readonly root: Record<string, unknown>;
  /** The current dynamic-list item (the root at top level). */
  readonly self: unknown;
  readonly parent: unknown;
  /** 1-based indexes of the enclosing list items, outermost first. */
  readonly indexes: readonly number[];
}

/**
 * The variables an expression sees, shaped as form-js shapes them: the data's keys at the top, plus `this`,
 * `parent` and `i` (and `_this_`, `_parent_`, `_i_`) inside dynamic lists.
 */
export function expressionContext(scope: ScopeInfo): Record<string, unknown> {
  const special = { this: scope.self, parent: scope.parent, i: [...scope.indexes] };
  return { ...special, ...scope.root, _this_: special.this, _parent_: special.parent, _i_: special.i };
}
