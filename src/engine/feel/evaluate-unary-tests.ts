/**
 * FEEL unary tests (`> 5`, `"a","b"`, `[1..10]`, `-`) against an input value, as decision tables and form
 * conditions use them. Failures (syntax or evaluation) are values, like every other FEEL evaluation here.
 */
import { unaryTest } from 'feelin';
import type { FeelEvaluationContext, FeelResult } from './feel-expression.js';

export function evaluateUnaryTests(
  tests: string,
  input: unknown,
  context: FeelEvaluationContext,
): FeelResult<boolean | null> {
  try {
    const result = unaryTest(tests, { ...context.variables, '?': input });
    const warnings = result.warnings.map((warning) => `[${warning.type}] ${warning.message}`);
    return { ok: true, value: result.value, warnings };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `failed to evaluate unary tests '${tests}': ${reason}` };
  }
}
