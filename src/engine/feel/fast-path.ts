/**
 * Evaluates the most frequent FEEL shapes — a variable path (`order.id`) or a literal — without feelin.
 * Semantics match feelin's: a missing variable or property is null with a warning.
 */
import type { FeelResult } from './feel-expression.js';

export type FastPath = (variables: Readonly<Record<string, unknown>>) => FeelResult;

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
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function constant(value: unknown): FastPath {
  const result: FeelResult = { ok: true, value, warnings: [] };
  return () => result;
}

function pathLookup(segments: string[]): FastPath {
  const [head, ...rest] = segments as [string, ...string[]];
  return (variables) => {
    if (!Object.prototype.hasOwnProperty.call(variables, head)) {
      return { ok: true, value: null, warnings: [`[NO_VARIABLE_FOUND] Variable '${head}' not found`] };
    }
    let current: unknown = variables[head];
    for (const segment of rest) {
      if (
        current === null ||
        typeof current !== 'object' ||
        Array.isArray(current) ||
        !Object.prototype.hasOwnProperty.call(current, segment)
      ) {
        return {
          ok: true,
          value: null,
          warnings: [`[NO_CONTEXT_ENTRY_FOUND] No context entry found with key '${segment}'`],
        };
      }
      current = (current as Record<string, unknown>)[segment];
    }
    return { ok: true, value: current === undefined ? null : current, warnings: [] };
  };
}

export function compileFastPath(text: string): FastPath | null {
  if (text === 'true' || text === 'false') return constant(text === 'true');
  if (text === 'null') return constant(null);
  if (/^-?\d+(\.\d+)?$/.test(text)) return constant(Number(text));
  if (/^"[^"\\]*"$/.test(text)) return constant(text.slice(1, -1));
  if (!PATH.test(text)) return null;
  const segments = text.split('.');
  if (segments.some((segment) => KEYWORDS.has(segment))) return null;
  return pathLookup(segments);
}
