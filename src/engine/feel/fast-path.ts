/**
 * Evaluates the most frequent FEEL shapes without feelin, which re-parses the text on every call: a variable
 * path (`order.id`), a literal, a path compared with a literal (`decision = "approve"`, `sent != true`), a simple
 * `if … then … else …`, or a list of those (`[unit.group, "van-phong"]`).
 * Semantics match feelin's: a missing variable or property is null with a warning; null equals only null.
 * A shape whose outcome is not certain here (e.g. comparing different types) returns undefined, and the caller
 * falls back to feelin.
 */
import type { FeelResult } from './feel-expression.js';

type Variables = Readonly<Record<string, unknown>>;
export type FastPath = (variables: Variables) => FeelResult | undefined;

const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'not',
  'and',
  'or',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'function',
  'instance',
  'of',
  'between',
]);
const PATH_SOURCE = '[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*';
const LITERAL_SOURCE = '"[^"\\\\]*"|-?\\d+(?:\\.\\d+)?|true|false|null';
const PATH = new RegExp(`^${PATH_SOURCE}$`);
const COMPARISON = new RegExp(`^(${PATH_SOURCE})\\s*(=|!=)\\s*(${LITERAL_SOURCE})$`);

interface Lookup {
  value: unknown;
  warnings: string[];
}

function literal(text: string): { value: unknown } | null {
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (/^"[^"\\]*"$/.test(text)) return { value: text.slice(1, -1) };
  return null;
}

function pathOf(text: string): string[] | null {
  if (!PATH.test(text)) return null;
  const segments = text.split('.');
  return segments.some((segment) => KEYWORDS.has(segment)) ? null : segments;
}

/** The value at a path; undefined when a step is not a plain context (lists project: feelin decides). */
function lookup(variables: Variables, [head, ...rest]: string[]): Lookup | undefined {
  if (head === undefined || !Object.prototype.hasOwnProperty.call(variables, head)) {
    return { value: null, warnings: [`[NO_VARIABLE_FOUND] Variable '${head ?? ''}' not found`] };
  }
  let current: unknown = variables[head];
  for (const segment of rest) {
    if (
      current !== null &&
      current !== undefined &&
      (typeof current !== 'object' || Array.isArray(current))
    ) {
      return undefined;
    }
    if (
      current === null ||
      current === undefined ||
      !Object.prototype.hasOwnProperty.call(current, segment)
    ) {
      return {
        value: null,
        warnings: [`[NO_CONTEXT_ENTRY_FOUND] No context entry found with key '${segment}'`],
      };
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return { value: current === undefined ? null : current, warnings: [] };
}

function comparison(segments: string[], negated: boolean, expected: unknown): FastPath {
  return (variables) => {
    const found = lookup(variables, segments);
    if (!found) return undefined;
    const { value, warnings } = found;
    let equal: boolean;
    if (value === null || expected === null) equal = value === expected;
    else if (typeof value === typeof expected && typeof value !== 'object') equal = value === expected;
    else return undefined;
    return { ok: true, value: negated ? !equal : equal, warnings };
  };
}

function simple(text: string): FastPath | null {
  const constant = literal(text);
  if (constant) {
    const result: FeelResult = { ok: true, value: constant.value, warnings: [] };
    return () => result;
  }
  const segments = pathOf(text);
  if (segments) {
    return (variables) => {
      const found = lookup(variables, segments);
      return found && { ok: true, value: found.value, warnings: found.warnings };
    };
  }
  const match = COMPARISON.exec(text);
  const left = match?.[1] ? pathOf(match[1]) : null;
  const right = match?.[3] ? literal(match[3]) : null;
  if (!match || !left || !right) return null;
  return comparison(left, match[2] === '!=', right.value);
}

const BRANCH = '"[^"\\\\]*"|[^\\s"]+';
const CONDITIONAL = new RegExp(`^if\\s+(.+?)\\s+then\\s+(${BRANCH})\\s+else\\s+(${BRANCH})$`);

/** `if <simple> then <literal or path> else <literal or path>`: the else branch unless the condition is true. */
function conditional(text: string): FastPath | null {
  const match = CONDITIONAL.exec(text);
  const condition = match?.[1] ? simple(match[1]) : null;
  const whenTrue = match?.[2] ? simple(match[2]) : null;
  const whenFalse = match?.[3] ? simple(match[3]) : null;
  if (!condition || !whenTrue || !whenFalse) return null;
  return (variables) => {
    const test = condition(variables);
    // Only a boolean or null condition is certain here; feelin treats other values its own way.
    if (!test?.ok || (test.value !== null && typeof test.value !== 'boolean')) return undefined;
    const branch = (test.value === true ? whenTrue : whenFalse)(variables);
    if (!branch?.ok) return undefined;
    return {
      ok: true,
      value: branch.value,
      warnings: [...(test.warnings ?? []), ...(branch.warnings ?? [])],
    };
  };
}

/** Splits `a, "b, c", d` at the commas outside string literals. */
function splitItems(text: string): string[] {
  return (text.match(/("[^"\\]*"|[^,"])+/g) ?? []).map((item) => item.trim());
}

/** `[<simple>, …]`: a list of literals, paths and comparisons (candidate groups, small mappings). */
function listOf(text: string): FastPath | null {
  const inner = /^\[(.*)\]$/s.exec(text)?.[1];
  if (inner === undefined || /[[\]{}()]/.test(inner.replace(/"[^"\\]*"/g, ''))) return null;
  const items = inner.trim() === '' ? [] : splitItems(inner).map(simple);
  if (items.some((item) => item === null)) return null;
  const parts = items as FastPath[];
  return (variables) => {
    const value: unknown[] = [];
    const warnings: string[] = [];
    for (const part of parts) {
      const result = part(variables);
      if (!result?.ok) return undefined;
      value.push(result.value);
      warnings.push(...(result.warnings ?? []));
    }
    return { ok: true, value, warnings };
  };
}

export function compileFastPath(text: string): FastPath | null {
  return simple(text) ?? conditional(text) ?? listOf(text);
}
