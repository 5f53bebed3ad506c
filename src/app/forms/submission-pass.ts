import { isDeepStrictEqual } from 'node:util';
import { runExpression, runUnaryTest, stripFeelMarker, type ScopeInfo } from './feel-evaluator.js';
import type { FieldNode } from './field-tree.js';
import type { FormFieldError } from './form-errors.js';
import { messagesVi } from './messages.vi.js';
import { checkFeelRules, checkOptions, checkPassedDate } from './dynamic-checks.js';
import {
  formatPath,
  getAt,
  isEmptyValue,
  isPlainObject,
  type PathSegment,
  type ValuePath,
} from './value-path.js';

type StripReason = 'hidden' | 'disabled' | 'readonly' | 'computed';

interface Strip {
  readonly path: ValuePath;
  readonly reason: StripReason;
}

/** What the per-submission pass decided before ajv runs on what remains. */
export interface PassOutcome {
  readonly errors: FormFieldError[];
  /** Values that are not the user's to give: removed from the data, and ajv's complaints about them ignored. */
  readonly stripped: readonly ValuePath[];
  /** Expression fields, recomputed on the server. */
  readonly computed: readonly { path: ValuePath; value: unknown }[];
}

interface Scope extends ScopeInfo {
  readonly at: readonly PathSegment[];
}

/**
 * Evaluates what depends on this submission — hide conditions, FEEL readonly, options from variables or FEEL,
 * FEEL-valued limits, expression fields — over the submitted data merged onto the context, as form-js does.
 */
export function runSubmissionPass(
  nodes: readonly FieldNode[],
  submitted: Record<string, unknown>,
  context: Record<string, unknown>,
  /** Today in Vietnam, "YYYY-MM-DD". */
  today: string,
): PassOutcome {
  const errors: FormFieldError[] = [];
  const strips: Strip[] = [];
  const accepted = new Set<string>();
  const computed: { path: ValuePath; value: unknown }[] = [];
  const root = { ...context, ...submitted };

  const feelFailed = (path: ValuePath, expression: string, reason: string): void => {
    errors.push({
      field: formatPath(path),
      code: 'FORM_CONDITION_ERROR',
      message: messagesVi.conditionError(expression, reason),
    });
  };

  /** true/false, or undefined when the condition could not be evaluated (already reported). */
  const flag = (value: unknown, scope: Scope, path: ValuePath, asTest: boolean): boolean | undefined => {
    if (typeof value === 'boolean') return value;
    const expression = typeof value === 'string' ? stripFeelMarker(value) : undefined;
    if (expression === undefined) return false;
    const run = asTest ? runUnaryTest : runExpression;
    const outcome = run(expression, scope);
    if (!outcome.ok) {
      feelFailed(path, value as string, outcome.reason);
      return undefined;
    }
    return outcome.value === true;
  };

  const walk = (children: readonly FieldNode[], scope: Scope, hiddenAbove: boolean): void => {
    for (const node of children) {
      const path = [...scope.at, ...node.path];
      const hide = node.component.conditional?.hide;
      const hidden = hiddenAbove || (hide !== undefined && flag(hide, scope, path, true) === true);
      if (node.role === 'group') {
        walk(node.children, scope, hidden);
      } else if (node.role === 'list') {
        if (hidden) {
          strips.push({ path, reason: 'hidden' });
          continue;
        }
        accepted.add(formatPath(path));
        const items = getAt(submitted, path);
        if (!Array.isArray(items)) continue;
        items.forEach((item, index) => {
          if (!isPlainObject(item)) return;
          const itemScope = { root, self: item, parent: scope.self, indexes: [...scope.indexes, index + 1] };
          walk(node.children, { ...itemScope, at: [...path, index] }, false);
        });
      } else if (node.role === 'computed') {
        strips.push({ path, reason: hidden ? 'hidden' : 'computed' });
        if (!hidden && typeof node.component.expression === 'string') {
          const expression = stripFeelMarker(node.component.expression) ?? node.component.expression;
          const outcome = runExpression(expression, scope);
          // A copy: outcomes are remembered and shared between submissions.
          if (outcome.ok) computed.push({ path, value: copyOutcome(outcome.value) });
          else feelFailed(path, node.component.expression, outcome.reason);
        }
      } else if (hidden) {
        strips.push({ path, reason: 'hidden' });
      } else if (node.component.disabled === true) {
        strips.push({ path, reason: 'disabled' });
      } else if (node.component.readonly !== undefined && flag(node.component.readonly, scope, path, false)) {
        strips.push({ path, reason: 'readonly' });
      } else {
        accepted.add(formatPath(path));
        const value = getAt(submitted, path);
        if (isEmptyValue(value)) continue;
        const fieldErrors = [
          ...checkOptions(node.component, value, context, scope),
          ...checkFeelRules(node.feelRules, value, scope),
          ...checkPassedDate(node.component, value, today),
        ];
        errors.push(...fieldErrors.map((error) => ({ ...error, field: formatPath(path) })));
      }
    }
  };

  walk(nodes, { root, self: root, parent: null, indexes: [], at: [] }, false);

  const stripped: ValuePath[] = [];
  for (const strip of strips) {
    // Two components may share a key (one shown, one hidden): the visible one owns the value.
    if (accepted.has(formatPath(strip.path))) continue;
    stripped.push(strip.path);
    const value = getAt(submitted, strip.path);
    const refused = refusal(strip.reason, value, getAt(context, strip.path));
    if (refused) errors.push({ field: formatPath(strip.path), ...refused });
  }
  return { errors, stripped, computed };
}

function refusal(
  reason: StripReason,
  value: unknown,
  current: unknown,
): Omit<FormFieldError, 'field'> | undefined {
  if (isEmptyValue(value) || reason === 'computed') return undefined;
  if (reason === 'hidden') return { code: 'FORM_HIDDEN_FIELD', message: messagesVi.hidden };
  if (reason === 'disabled') return { code: 'FORM_DISABLED_FIELD', message: messagesVi.disabled };
  // form-js submits read-only fields with the value it was given: that is fine, a changed one is not.
  return isDeepStrictEqual(value, current)
    ? undefined
    : { code: 'FORM_READONLY_FIELD', message: messagesVi.readonly };
}

function copyOutcome(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
