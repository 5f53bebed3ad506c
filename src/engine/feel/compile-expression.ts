/**
 * Compiles a Zeebe attribute value once, at deploy time: `=…` is FEEL (syntax-checked now), anything else a static
 * value. FEEL that is a plain variable path or literal — most mappings, correlation keys and assignees — is
 * evaluated without feelin, which would re-parse the text on every call.
 */
import { DEFAULT_TIME_ZONE } from '../timer/default-time-zone.js';
import { evaluate, parseExpression } from 'feelin';
import { GET_OR_ELSE_IDENTIFIER, camundaBuiltins, referencedBuiltins } from './camunda-builtins.js';
import type { Expression, FeelEvaluationContext, FeelResult } from './feel-expression.js';
import { feelDateAt, feelDateTimeAt, toJsonValue } from './feel-values.js';
import { compileFastPath, type FastPath } from './fast-path.js';
import { FeelBudgetExceeded, FeelMeter, meterExpression } from './feel-budget.js';
import { ResultCache } from './result-cache.js';

export interface CompileOptions {
  /** A static value must be a number (retries, priority). */
  numeric?: boolean;
  /** The attribute only accepts FEEL (conditions, input collections). */
  feelOnly?: boolean;
}

const DEFAULT_ZONE = DEFAULT_TIME_ZONE;
const MISSING = '\u0000missing';

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
  private readonly cache: ResultCache | null;

  constructor(
    readonly source: string,
    /** The expression as written (after rewriting keyword calls); messages name this. */
    private readonly text: string,
    /** `text` with the budget meter calls inserted (feel-budget.ts); this is what feelin evaluates. */
    private readonly metered: string,
    private readonly fast: FastPath | null,
    /** Top-level names the expression reads; only these variables are handed to feelin, which deep-copies them. */
    private readonly names: readonly string[],
  ) {
    this.functions = Object.fromEntries(
      referencedBuiltins(text).map((name) => [name, camundaBuiltins[name]]),
    );
    this.usesClock = { now: /(?<![\w.])now\s*\(/.test(text), today: /(?<![\w.])today\s*\(/.test(text) };
    const volatile = this.usesClock.now || this.usesClock.today || /random number|uuid/.test(text);
    this.cache = volatile ? null : new ResultCache();
  }

  private contextFor(context: FeelEvaluationContext, meter: FeelMeter): Record<string, unknown> {
    const { variables } = context;
    const evalContext: Record<string, unknown> = {};
    for (const name of this.names) {
      if (Object.prototype.hasOwnProperty.call(variables, name)) evalContext[name] = variables[name];
    }
    // A name containing spaces is only recognised when feelin sees it in the context while parsing.
    for (const key of Object.keys(variables)) {
      if (/\s/.test(key)) evalContext[key] = variables[key];
    }
    Object.assign(evalContext, this.functions, meter.functions());
    const zone = context.timeZone ?? DEFAULT_ZONE;
    if (this.usesClock.now) evalContext['now'] = () => feelDateTimeAt(context.now, zone);
    if (this.usesClock.today) evalContext['today'] = () => feelDateAt(context.now, zone);
    return evalContext;
  }

  evaluate(context: FeelEvaluationContext): FeelResult {
    const fast = this.fast?.(context.variables);
    if (fast) return fast;
    const key = this.cacheKey(context.variables);
    const cached = key === null ? undefined : this.cache?.get(key);
    if (cached) return cached;
    const result = this.evaluateWithFeelin(context);
    if (key !== null) this.cache?.put(key, result);
    return result;
  }

  /** Missing and null differ in their warnings, so they key differently; spaced names bypass the cache. */
  private cacheKey(variables: Readonly<Record<string, unknown>>): string | null {
    if (!this.cache || Object.keys(variables).some((name) => /\s/.test(name))) return null;
    const has = (name: string) => Object.prototype.hasOwnProperty.call(variables, name);
    return this.cache.key(this.names.map((name) => (has(name) ? variables[name] : MISSING)));
  }

  private evaluateWithFeelin(context: FeelEvaluationContext): FeelResult {
    const meter = new FeelMeter();
    try {
      const result = evaluate(this.metered, this.contextFor(context, meter));
      meter.checkResult(result.value);
      const warnings = result.warnings.map((warning) => `[${warning.type}] ${warning.message}`);
      return { ok: true, value: toJsonValue(result.value), warnings };
    } catch (error) {
      // A budget stop is reported as such; anything else (a JS stack overflow included) as feelin's own error.
      const reason = error instanceof Error ? error.message : String(error);
      const prefix = error instanceof FeelBudgetExceeded ? 'stopped evaluating' : 'failed to evaluate';
      return { ok: false, message: `${prefix} expression '${this.text}': ${reason}` };
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

/**
 * Parses once: the first syntax error, or the top-level variable names the expression reads and the text with
 * the budget meter inserted.
 */
function analyse(text: string): { error: string } | { names: string[]; metered: string } {
  const functions = Object.fromEntries(referencedBuiltins(text).map((name) => [name, camundaBuiltins[name]]));
  let position = -1;
  const names = new Set<string>();
  let metered = text;
  try {
    const tree = parseExpression(text, functions, undefined);
    tree.iterate({
      enter(node) {
        if (position < 0 && node.type.isError) position = node.from;
        if (node.name === 'VariableName') names.add(text.slice(node.from, node.to));
        return position < 0;
      },
    });
    if (position < 0) metered = meterExpression(text, tree);
  } catch (error) {
    return {
      error: `failed to parse expression '${text}': ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (position < 0) return { names: [...names], metered };
  const near = text.slice(position, position + 20) || 'end of input';
  return {
    error: `failed to parse expression '${text}': syntax error at position ${position} (near '${near}')`,
  };
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
  const analysis = analyse(rewritten);
  if ('error' in analysis) return { ok: false, message: analysis.error };
  return {
    ok: true,
    value: new FeelExpression(
      source,
      rewritten,
      analysis.metered,
      compileFastPath(rewritten),
      analysis.names,
    ),
  };
}
