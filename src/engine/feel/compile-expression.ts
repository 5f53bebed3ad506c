/**
 * Compiles a Zeebe attribute value once, at deploy time: `=…` is FEEL (syntax-checked now), anything else a static
 * value. FEEL that is a plain variable path or literal — most mappings, correlation keys and assignees — is
 * evaluated without feelin, which would re-parse the text on every call.
 */
import { evaluate, parseExpression } from 'feelin';
import { GET_OR_ELSE_IDENTIFIER, camundaBuiltins, referencedBuiltins } from './camunda-builtins.js';
import type { Expression, FeelEvaluationContext, FeelResult } from './feel-expression.js';
import { feelDateAt, feelDateTimeAt, toJsonValue } from './feel-values.js';
import { compileFastPath, type FastPath } from './fast-path.js';

export interface CompileOptions {
  /** A static value must be a number (retries, priority). */
  numeric?: boolean;
  /** The attribute only accepts FEEL (conditions, input collections). */
  feelOnly?: boolean;
}

const DEFAULT_ZONE = 'UTC';

class StaticExpression implements Expression {
  readonly isFeel = false;
  constructor(
    readonly source: string,
    readonly staticValue: string | number,
  ) {}
  evaluate(): FeelResult {
    return { ok: true, value: this.staticValue };
  }
}

class FeelExpression implements Expression {
  readonly isFeel = true;
  readonly staticValue = null;
  private readonly functions: Record<string, unknown>;
  private readonly usesClock: { now: boolean; today: boolean };

  constructor(
    readonly source: string,
    private readonly text: string,
    private readonly fast: FastPath | null,
  ) {
    this.functions = Object.fromEntries(
      referencedBuiltins(text).map((name) => [name, camundaBuiltins[name]]),
    );
    this.usesClock = { now: /(?<![\w.])now\s*\(/.test(text), today: /(?<![\w.])today\s*\(/.test(text) };
  }

  evaluate(context: FeelEvaluationContext): FeelResult {
    const fast = this.fast?.(context.variables);
    if (fast) return fast;
    const zone = context.timeZone ?? DEFAULT_ZONE;
    const evalContext: Record<string, unknown> = { ...context.variables, ...this.functions };
    if (this.usesClock.now) evalContext['now'] = () => feelDateTimeAt(context.now, zone);
    if (this.usesClock.today) evalContext['today'] = () => feelDateAt(context.now, zone);
    try {
      const result = evaluate(this.text, evalContext);
      const warnings = result.warnings.map((warning) => `[${warning.type}] ${warning.message}`);
      return { ok: true, value: toJsonValue(result.value), warnings };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `failed to evaluate expression '${this.text}': ${reason}` };
    }
  }
}

/** Rewrites calls feelin cannot parse (a function name containing a keyword), outside string literals. */
function rewriteForFeelin(text: string): string {
  return text
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/get\s+or\s+else\s*\(/g, `${GET_OR_ELSE_IDENTIFIER}(`),
    )
    .join('');
}

function syntaxError(text: string): string | null {
  const functions = Object.fromEntries(referencedBuiltins(text).map((name) => [name, camundaBuiltins[name]]));
  let position = -1;
  parseExpression(text, functions, undefined).iterate({
    enter(node) {
      if (position < 0 && node.type.isError) position = node.from;
      return position < 0;
    },
  });
  if (position < 0) return null;
  const near = text.slice(position, position + 20) || 'end of input';
  return `failed to parse expression '${text}': syntax error at position ${position} (near '${near}')`;
}

export function compileExpression(source: string, options: CompileOptions = {}): FeelResult<Expression> {
  const trimmed = source.trim();
  if (!trimmed.startsWith('=')) {
    if (options.feelOnly)
      return { ok: false, message: `expected a FEEL expression (starting with '='), but found '${source}'` };
    if (!options.numeric) return { ok: true, value: new StaticExpression(source, source) };
    const number = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(number))
      return { ok: false, message: `expected a number or a FEEL expression, but found '${source}'` };
    return { ok: true, value: new StaticExpression(source, number) };
  }
  const text = trimmed.slice(1).trim();
  if (text === '') return { ok: false, message: `expected a FEEL expression after '=', but found nothing` };
  const rewritten = rewriteForFeelin(text);
  const error = syntaxError(rewritten);
  if (error) return { ok: false, message: error };
  return { ok: true, value: new FeelExpression(source, rewritten, compileFastPath(rewritten)) };
}
