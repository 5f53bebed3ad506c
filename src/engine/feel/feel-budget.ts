/**
 * A step and size budget for one FEEL evaluation, so no expression can hold the event loop or fill the heap
 * (`count(for x in 1..100000000 return x)` ran 35 s and then ran out of memory).
 *
 * feelin has no interpreter hook, and it materialises every iteration before the body runs (`for x in a, y in b`
 * builds the whole cartesian product of copied contexts). So the budget is charged *before* that happens: at
 * compile time the expression's syntax tree (feelin's own parser, not a regex) is rewritten so that every place
 * that iterates or allocates passes through a meter function placed in the evaluation context:
 * - an iteration source `x in E` becomes `x in __feel_iterate(E)`, and `x in a..b` becomes
 *   `x in __feel_iterate([a..b])`: the size of a range is computed from its bounds, never by expanding it;
 * - a filter `E[c]` becomes `__feel_iterate(E)[c]` (the condition runs once per element);
 * - a function invocation `f(a, b)` becomes `__feel_result(f(a, b))`: one step per call plus the length of its
 *   result (so nested calls cannot double a list thirty times); inside a loop, filter or function body also
 *   `f(__feel_argument(a), __feel_argument(b))`: the length of its list and string arguments, which builtins scan;
 * - a user function body `function(x) B` becomes `function(x) __feel_call(B)` (recursion costs a step per call).
 * The meter throws once the budget is spent; feelin lets the error through, so evaluation stops at once and the
 * caller turns it into an incident naming the expression and the limit.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { unboundedPatternReason } from './regexp-guard.js';

export interface FeelBudget {
  /** Work units per evaluation: iterations, filtered elements, calls, list/string lengths passed or returned. */
  maxSteps: number;
  /** Items a single value may hold: a list or range iterated, a call's result, the final result (deep). */
  maxItems: number;
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Defaults keep the worst case near 50 ms on a loaded 2-core machine (see README, "FEEL budget"). */
export const DEFAULT_FEEL_BUDGET: FeelBudget = { maxSteps: 20_000, maxItems: 100_000 };

let currentBudget: FeelBudget = {
  maxSteps: positiveInteger('ENGINE_FEEL_MAX_STEPS', DEFAULT_FEEL_BUDGET.maxSteps),
  maxItems: positiveInteger('ENGINE_FEEL_MAX_ITEMS', DEFAULT_FEEL_BUDGET.maxItems),
};

export function feelBudget(): FeelBudget {
  return currentBudget;
}

/** For tests and embedding: replaces the budget read from ENGINE_FEEL_MAX_STEPS / ENGINE_FEEL_MAX_ITEMS. */
export function setFeelBudget(budget: Partial<FeelBudget>): FeelBudget {
  const previous = currentBudget;
  currentBudget = { ...currentBudget, ...budget };
  return previous;
}

export class FeelBudgetExceeded extends Error {
  override readonly name = 'FeelBudgetExceeded';
}

const ITERATE = '__feel_iterate';
const ARGUMENT = '__feel_argument';
const RESULT = '__feel_result';
const CALL = '__feel_call';
const PATTERN = '__feel_pattern';
export const METER_NAMES: readonly string[] = [ITERATE, ARGUMENT, RESULT, CALL, PATTERN];

/** Builtins taking a regular expression, and the position/name of that argument. */
const PATTERN_ARGUMENT: Readonly<Record<string, { index: number; name: string }>> = {
  matches: { index: 1, name: 'pattern' },
  replace: { index: 1, name: 'pattern' },
  split: { index: 1, name: 'delimiter' },
};

/** A string costs one unit per 64 characters: builtins scan strings natively, far faster than FEEL steps. */
const CHARS_PER_UNIT = 64;

interface RangeLike {
  start: unknown;
  end: unknown;
  'start included': boolean;
  'end included': boolean;
}

function isRangeLike(value: unknown): value is RangeLike {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}

/** How many elements iterating a range yields; Infinity when feelin would never stop (non-integer span). */
function rangeSize(range: RangeLike): number {
  const { start, end } = range;
  if (typeof start === 'number' && typeof end === 'number') {
    const span = Math.abs(end - start);
    if (!Number.isInteger(span)) return Infinity;
    return span + 1 - (range['start included'] ? 0 : 1) - (range['end included'] ? 0 : 1);
  }
  return 52; // single-letter ranges ('a'..'z'); feelin refuses any other type
}

/** The length a builtin walks: list elements, range size, string length in units, else 1. */
function shallowSize(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return Math.ceil(value.length / CHARS_PER_UNIT);
  if (isRangeLike(value)) return rangeSize(value);
  return 1;
}

/** Deep item count, stopping as soon as it passes `limit` (a huge result is not walked to the end). */
export function deepSize(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop();
    count += typeof current === 'string' ? Math.ceil(current.length / CHARS_PER_UNIT) || 1 : 1;
    if (Array.isArray(current)) stack.push(...current);
    else if (typeof current === 'object' && current !== null && !isRangeLike(current)) {
      stack.push(...Object.values(current));
    }
  }
  return count;
}

/** One evaluation's meter; its functions go into feelin's context under the names the rewrite inserted. */
export class FeelMeter {
  private steps = 0;
  constructor(private readonly budget: FeelBudget = currentBudget) {}

  private charge(units: number, what: string): void {
    this.steps += units;
    if (this.steps > this.budget.maxSteps) {
      throw new FeelBudgetExceeded(
        `FEEL budget exceeded: more than ${this.budget.maxSteps} steps (ENGINE_FEEL_MAX_STEPS) at ${what}`,
      );
    }
  }

  private checkItems(size: number, what: string): void {
    if (size > this.budget.maxItems) {
      throw new FeelBudgetExceeded(
        `FEEL budget exceeded: ${what} holds more than ${this.budget.maxItems} items (ENGINE_FEEL_MAX_ITEMS)`,
      );
    }
  }

  /** Checks the final value, which becomes a variable or a decision. */
  checkResult(value: unknown): void {
    this.checkItems(deepSize(value, this.budget.maxItems), 'the result');
  }

  functions(): Record<string, (value: unknown) => unknown> {
    return {
      [ITERATE]: (value: unknown) => {
        const size = shallowSize(value);
        this.checkItems(size, 'an iterated list or range');
        this.charge(size, 'an iteration');
        return value;
      },
      [ARGUMENT]: (value: unknown) => {
        this.charge(shallowSize(value), 'a function argument');
        return value;
      },
      [RESULT]: (value: unknown) => {
        const size = shallowSize(value);
        this.checkItems(size, 'a function result');
        this.charge(1 + size, 'a function call');
        return value;
      },
      [PATTERN]: (value: unknown) => {
        const reason = typeof value === 'string' ? unboundedPatternReason(value) : null;
        if (reason) {
          throw new FeelBudgetExceeded(
            `FEEL budget exceeded: the pattern '${String(value)}' ${reason}, so its matching time has no bound`,
          );
        }
        return value;
      },
      [CALL]: (value: unknown) => {
        this.charge(1, 'a user-defined function call');
        return value;
      },
    };
  }
}

/** The regular-expression argument of a matches/replace/split call whose parameters node this is. */
function patternArgument(
  source: string,
  parameters: SyntaxNode | null,
): { index: number; name: string } | undefined {
  const callee = parameters?.parent?.firstChild;
  if (!callee || callee.name !== 'VariableName') return undefined;
  const name = source.slice(callee.from, callee.to).trim();
  return Object.prototype.hasOwnProperty.call(PATTERN_ARGUMENT, name) ? PATTERN_ARGUMENT[name] : undefined;
}

const REPEATING = new Set([
  'ForExpression',
  'QuantifiedExpression',
  'FilterExpression',
  'FunctionDefinition',
]);

interface Edit {
  at: number;
  text: string;
  /** Insertions at the same position: closing text of inner nodes goes before opening text of outer ones. */
  order: number;
}

/**
 * Rewrites `text` (parsed into `tree` by feelin) so that iteration, filtering and calls charge a FeelMeter.
 * Only insertions are made, so the expression keeps its meaning and its own positions in error messages stay
 * readable.
 */
export function meterExpression(text: string, tree: Tree): string {
  const edits: Edit[] = [];
  const wrap = (from: number, to: number, open: string, close: string, depth: number): void => {
    edits.push({ at: from, text: open, order: depth });
    edits.push({ at: to, text: close, order: -depth });
  };
  let depth = 0;
  // Inside a loop, a filter or a function body a call runs many times, so the lengths it scans are charged
  // there; a call outside them runs once, over inputs the document limits already bound.
  let repeated = 0;
  tree.iterate({
    enter(node) {
      depth += 1;
      if (REPEATING.has(node.name)) repeated += 1;
      switch (node.name) {
        case 'IterationContext': {
          const isRange = node.node.getChild('..') !== null;
          if (isRange) wrap(node.from, node.to, `${ITERATE}([`, '])', depth);
          else wrap(node.from, node.to, `${ITERATE}(`, ')', depth);
          break;
        }
        case 'FilterExpression': {
          const target = node.node.firstChild;
          if (target) wrap(target.from, target.to, `${ITERATE}(`, ')', depth + 0.5);
          break;
        }
        case 'FunctionInvocation':
          wrap(node.from, node.to, `${RESULT}(`, ')', depth);
          break;
        case 'PositionalParameters': {
          const pattern = patternArgument(text, node.node);
          let index = 0;
          for (let child = node.node.firstChild; child; child = child.nextSibling) {
            if (child.name === ',') continue;
            if (repeated > 0) wrap(child.from, child.to, `${ARGUMENT}(`, ')', depth + 0.5);
            if (pattern && index === pattern.index)
              wrap(child.from, child.to, `${PATTERN}(`, ')', depth + 0.6);
            index += 1;
          }
          break;
        }
        case 'NamedParameter': {
          const value = node.node.lastChild;
          if (!value) break;
          if (repeated > 0) wrap(value.from, value.to, `${ARGUMENT}(`, ')', depth + 0.5);
          const pattern = patternArgument(text, node.node.parent);
          const name = node.node.firstChild;
          if (pattern && name && text.slice(name.from, name.to).trim() === pattern.name) {
            wrap(value.from, value.to, `${PATTERN}(`, ')', depth + 0.6);
          }
          break;
        }
        case 'FunctionBody':
          wrap(node.from, node.to, `${CALL}(`, ')', depth);
          break;
        default:
          break;
      }
      return true;
    },
    leave(node) {
      depth -= 1;
      if (REPEATING.has(node.name)) repeated -= 1;
    },
  });
  // At one position: closings (negative order) first, innermost first; then openings, outermost first.
  edits.sort((a, b) => a.at - b.at || a.order - b.order);
  let result = '';
  let last = 0;
  for (const edit of edits) {
    result += text.slice(last, edit.at) + edit.text;
    last = edit.at;
  }
  return result + text.slice(last);
}
