import { evaluate, parseExpression, parseUnaryTests, unaryTest, type Warning } from 'feelin';

/** The result of a FEEL evaluation as a value: a broken expression is reported, never thrown. */
export type FeelOutcome = { ok: true; value: unknown } | { ok: false; reason: string };

type Mode = 'test' | 'expression';

// Missing variables are normal (a field not filled in yet); a missing function or a failed call is a broken form.
const FATAL_WARNINGS: ReadonlySet<Warning['type']> = new Set([
  'NO_FUNCTION_FOUND',
  'FUNCTION_INVOCATION_FAILURE',
]);

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
 * The variables an expression sees, as form-js shapes them: `this`, `parent`, `i`, then the data's keys on top,
 * then `_this_`, `_parent_`, `_i_`.
 */
function lookup(scope: ScopeInfo, name: string): unknown {
  if (name === '_this_') return scope.self;
  if (name === '_parent_') return scope.parent;
  if (name === '_i_') return [...scope.indexes];
  if (Object.hasOwn(scope.root, name)) return scope.root[name];
  if (name === 'this') return scope.self;
  if (name === 'parent') return scope.parent;
  if (name === 'i') return [...scope.indexes];
  return undefined;
}

/**
 * feelin parses on every call and deep-copies the context it is given, which costs ~0.5 ms a call. So each
 * expression is parsed once here to learn which variables it reads; it is then evaluated over just those, and
 * the outcome is remembered for those values (FEEL has no side effects; expressions reading the clock are not
 * remembered).
 */
interface Prepared {
  readonly names: readonly string[] | undefined;
  readonly volatile: boolean;
}
const prepared = new Map<string, Prepared>();
const outcomes = new Map<string, FeelOutcome>();
const OUTCOME_LIMIT = 20_000;
const MAX_KEY_LENGTH = 2_000;

function prepare(mode: Mode, expression: string): Prepared {
  const key = `${mode}\u0000${expression}`;
  const known = prepared.get(key);
  if (known) return known;
  let names: string[] | undefined = [];
  try {
    const tree = (mode === 'test' ? parseUnaryTests : parseExpression)(expression, {}, undefined);
    const found = new Set<string>();
    tree.iterate({
      enter: (node) => {
        if (node.type.isError) names = undefined;
        if (node.name === 'VariableName') found.add(expression.slice(node.from, node.to).trim());
      },
    });
    if (names) names = [...found];
  } catch {
    names = undefined;
  }
  const result: Prepared = { names, volatile: /\b(now|today)\s*\(/.test(expression) };
  prepared.set(key, result);
  return result;
}

function run(mode: Mode, expression: string, context: Record<string, unknown>): FeelOutcome {
  try {
    const { value, warnings } =
      mode === 'test' ? unaryTest(expression, context) : evaluate(expression, context);
    const fatal = warnings.find((warning) => FATAL_WARNINGS.has(warning.type));
    return fatal ? { ok: false, reason: fatal.message } : { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function fullContext(scope: ScopeInfo): Record<string, unknown> {
  const special = { this: scope.self, parent: scope.parent, i: [...scope.indexes] };
  return { ...special, ...scope.root, _this_: special.this, _parent_: special.parent, _i_: special.i };
}

function evaluateIn(mode: Mode, expression: string, scope: ScopeInfo): FeelOutcome {
  const { names, volatile } = prepare(mode, expression);
  // Names feelin could not tell apart without the context (e.g. with spaces): evaluate over everything.
  if (!names) return run(mode, expression, fullContext(scope));
  const context = Object.fromEntries(names.map((name) => [name, lookup(scope, name)]));
  if (volatile) return run(mode, expression, context);
  const values = memoKey(names.map((name) => context[name]));
  if (values === undefined) return run(mode, expression, context);
  const key = `${mode}\u0000${expression}\u0000${values}`;
  // Large inputs (a long list) are rare and would make the memory large: evaluate those every time.
  if (key.length > MAX_KEY_LENGTH) return run(mode, expression, context);
  const remembered = outcomes.get(key);
  if (remembered) return remembered;
  const outcome = run(mode, expression, context);
  if (outcomes.size >= OUTCOME_LIMIT) outcomes.clear();
  outcomes.set(key, outcome);
  return outcome;
}

/**
 * The memo key of the variables' values: one key per distinct FEEL input. Unlike JSON.stringify, it tells
 * `undefined` (an absent variable) from `null`, which FEEL treats differently; undefined when a value is not plain
 * data (a Date, a class instance, a cycle) and so is not remembered.
 */
export function memoKey(value: unknown, depth = 0): string | undefined {
  if (depth > 64) return undefined;
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return Object.is(value, -0) ? 'd-0' : `d${String(value)}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'object':
      break;
    default:
      return undefined;
  }
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const part = memoKey(value[index], depth + 1);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  for (const [name, item] of Object.entries(value)) {
    const part = memoKey(item, depth + 1);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(name)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

/** Hide conditions are unary tests in form-js (its ConditionChecker calls feelin's unaryTest). */
export function runUnaryTest(expression: string, scope: ScopeInfo): FeelOutcome {
  return evaluateIn('test', expression, scope);
}

export function runExpression(expression: string, scope: ScopeInfo): FeelOutcome {
  return evaluateIn('expression', expression, scope);
}

/** form-js marks FEEL with a leading "="; anything else is a literal. */
export function stripFeelMarker(text: string): string | undefined {
  return text.startsWith('=') ? text.slice(1) : undefined;
}
