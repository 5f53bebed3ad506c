/**
 * FEEL unary tests (a decision table's input entries: `-`, `"a","b"`, `> 5`, `[1..10]`, `not("x")`, or any FEEL
 * that tests `?`), compiled once at deploy time.
 *
 * Most entries are literals, comparisons with a literal or literal intervals; those are tested without feelin,
 * which would parse the text again for every rule of every evaluation (a 20-row table is 20+ parses). Everything
 * else goes to feelin's unary-test interpreter, metered like every other expression (feel-budget.ts).
 */
import { parseUnaryTests, unaryTest } from 'feelin';
import { camundaBuiltins, referencedBuiltins } from './camunda-builtins.js';
import type { FeelEvaluationContext, FeelResult } from './feel-expression.js';
import { FeelBudgetExceeded, FeelMeter, meterExpression } from './feel-budget.js';

export interface UnaryTests {
  /** The entry's text as written. */
  readonly source: string;
  /** Whether the input value satisfies the tests; null (not comparable) counts as no match. */
  test(input: unknown, context: FeelEvaluationContext): FeelResult<boolean>;
}

type Literal = number | string | boolean | null;
type Predicate = (input: unknown) => boolean;

const MATCH_ALL: FeelResult<boolean> = { ok: true, value: true };
const MATCH_NONE: FeelResult<boolean> = { ok: true, value: false };

/** Splits at commas outside strings, brackets and parentheses; null when the text is not balanced. */
function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      index++;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      if (index >= text.length) return null;
    } else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

function literal(text: string): { value: Literal } | null {
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) {
    try {
      return { value: JSON.parse(text) as string };
    } catch {
      return null;
    }
  }
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  return null;
}

function comparable(a: unknown, b: Literal): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

const comparisons: Record<string, (a: number | string, b: number | string) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** One positive test of the simple kind, or null when feelin must decide. */
function simpleTest(text: string): Predicate | null {
  const plain = literal(text);
  if (plain) {
    const expected = plain.value;
    return (input) => (input ?? null) === expected;
  }
  const comparison = /^(<=|>=|<|>)\s*(.+)$/.exec(text);
  if (comparison) {
    const bound = literal(comparison[2]!.trim());
    if (!bound || bound.value === null || typeof bound.value === 'boolean') return null;
    const limit = bound.value;
    const compare = comparisons[comparison[1]!]!;
    return (input) => comparable(input, limit) && compare(input as number | string, limit);
  }
  const interval = /^([[(\]])\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*([\])[])$/.exec(text);
  if (interval) {
    const low = Number(interval[2]);
    const high = Number(interval[3]);
    const lowIncluded = interval[1] === '[';
    const highIncluded = interval[4] === ']';
    return (input) =>
      typeof input === 'number' &&
      (lowIncluded ? input >= low : input > low) &&
      (highIncluded ? input <= high : input < high);
  }
  return null;
}

/** A comma list of simple tests, optionally inside `not(...)`; null when any part is not simple. */
function simpleTests(text: string): Predicate | null {
  const negated = /^not\s*\((.*)\)$/s.exec(text);
  const body = negated ? negated[1]!.trim() : text;
  const parts = splitTopLevel(body);
  if (!parts || parts.some((part) => part === '')) return null;
  const predicates: Predicate[] = [];
  for (const part of parts) {
    const predicate = simpleTest(part);
    if (!predicate) return null;
    predicates.push(predicate);
  }
  const any: Predicate = (input) => predicates.some((predicate) => predicate(input));
  return negated ? (input) => !any(input) : any;
}

class SimpleUnaryTests implements UnaryTests {
  constructor(
    readonly source: string,
    private readonly predicate: Predicate | null,
  ) {}

  test(input: unknown): FeelResult<boolean> {
    if (!this.predicate) return MATCH_ALL;
    return this.predicate(input) ? MATCH_ALL : MATCH_NONE;
  }
}

class FeelinUnaryTests implements UnaryTests {
  private readonly functions: Record<string, unknown>;

  constructor(
    readonly source: string,
    private readonly metered: string,
  ) {
    this.functions = Object.fromEntries(
      referencedBuiltins(source).map((name) => [name, camundaBuiltins[name]]),
    );
  }

  test(input: unknown, context: FeelEvaluationContext): FeelResult<boolean> {
    const meter = new FeelMeter();
    try {
      const result = unaryTest(this.metered, {
        ...context.variables,
        ...this.functions,
        ...meter.functions(),
        '?': input,
      });
      return { ok: true, value: result.value === true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const prefix = error instanceof FeelBudgetExceeded ? 'stopped evaluating' : 'failed to evaluate';
      return { ok: false, message: `${prefix} unary tests '${this.source}': ${reason}` };
    }
  }
}

/** Compiles an input entry; a syntax error is a failure value naming the position. */
export function compileUnaryTests(source: string): FeelResult<UnaryTests> {
  const text = source.trim();
  if (text === '' || text === '-') return { ok: true, value: new SimpleUnaryTests(source, null) };
  const simple = simpleTests(text);
  if (simple) return { ok: true, value: new SimpleUnaryTests(source, simple) };
  let position = -1;
  let metered: string;
  try {
    const tree = parseUnaryTests(text, {}, undefined);
    tree.iterate({
      enter(node) {
        if (position < 0 && node.type.isError) position = node.from;
        return position < 0;
      },
    });
    metered = position < 0 ? meterExpression(text, tree) : text;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `failed to parse unary tests '${text}': ${reason}` };
  }
  if (position >= 0) {
    const near = text.slice(position, position + 20) || 'end of input';
    return {
      ok: false,
      message: `failed to parse unary tests '${text}': syntax error at position ${position} (near '${near}')`,
    };
  }
  return { ok: true, value: new FeelinUnaryTests(text, metered) };
}
