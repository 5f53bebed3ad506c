import { isDeepStrictEqual } from 'node:util';
import { runExpression, runUnaryTest, stripFeelMarker, type ScopeInfo } from './feel-evaluator.js';
import type { FieldNode } from './field-tree.js';
import type { FormFieldError } from './form-errors.js';
import { messagesVi } from './messages.vi.js';
import { checkCrossFieldRules } from './cross-field-rules.js';
import { checkFeelRules, checkOptions, checkPassedDate } from './dynamic-checks.js';
import { initialValueOf, sanitizeLikeFormJs } from './form-js-values.js';
import {
  cloneJson,
  formatPath,
  getAt,
  isEmptyValue,
  isPlainObject,
  setAt,
  type PathSegment,
  type ValuePath,
} from './value-path.js';

type StripReason = 'hidden' | 'disabled' | 'readonly' | 'computed';

interface Strip {
  readonly path: ValuePath;
  readonly reason: StripReason;
  /** Read-only fields: the value the field shows, and what its FEEL-valued limits find wrong with it. */
  readonly shown?: unknown;
  readonly ruleErrors?: readonly Omit<FormFieldError, 'field'>[];
}

/** What the per-submission pass decided before ajv runs on what remains. */
export interface PassOutcome {
  readonly errors: FormFieldError[];
  /** Values that are not the user's to give: removed from the data, and ajv's complaints about them ignored. */
  readonly stripped: readonly ValuePath[];
  /**
   * Values form-js would have sent where the submission has none, put in before ajv runs, in order: a missing
   * field's defaultValue, a missing or null dynamic list's first items, null for '' in a number field.
   */
  readonly filled: readonly { path: ValuePath; value: unknown }[];
  /**
   * Read-only fields: the value they show is put in for ajv (form-js checks a read-only field's rules on it), then
   * removed from the cleaned data.
   */
  readonly shownOnly: readonly ValuePath[];
  /** Expression fields, recomputed on the server. */
  readonly computed: readonly { path: ValuePath; value: unknown }[];
}

interface Scope extends ScopeInfo {
  readonly at: readonly PathSegment[];
}

/** The items form-js creates for a dynamic list that has no array: `defaultRepetitions` (1 if unset) empty ones. */
function defaultItems(node: FieldNode): Record<string, unknown>[] {
  const count = node.component.defaultRepetitions;
  const length =
    typeof count === 'number' && Number.isInteger(count) && count >= 0 ? Math.min(count, 1000) : 1;
  return Array.from({ length }, () => ({}));
}

/**
 * The data form-js would hold for this submission, which FEEL is evaluated over: the context (form-js's initial
 * data), each field of the form at the value form-js makes of it — the submitted one as form-js sanitises it (a
 * wrong type becomes the field's empty value, as in the browser), else the context's, else its defaultValue or
 * empty value — the items of each dynamic list, and expression fields computed (in order, as form-js does on
 * change; `computeOn: "presubmit"` ones stay at their initial value). Keys the form does not have are not in it
 * (they are refused).
 */
function formJsView(
  nodes: readonly FieldNode[],
  submitted: Record<string, unknown>,
  context: Record<string, unknown>,
): Record<string, unknown> {
  const view = cloneJson(context);
  /** One scope: the root or a list item (`target`), filled from what was given and what was there before. */
  const fill = (
    children: readonly FieldNode[],
    target: Record<string, unknown>,
    given: unknown,
    initial: unknown,
    parent: unknown,
    indexes: readonly number[],
  ): void => {
    const expressions: FieldNode[] = [];
    const place = (placed: readonly FieldNode[]): void => {
      for (const node of placed) {
        if (node.role === 'group') {
          place(node.children);
          continue;
        }
        const raw = getAt(given, node.path);
        const before = getAt(initial, node.path);
        if (node.role === 'list') {
          const source = Array.isArray(raw)
            ? raw
            : raw === undefined && Array.isArray(before)
              ? before
              : defaultItems(node);
          const items = source.map(() => ({}) as Record<string, unknown>);
          setAt(target, node.path, items);
          source.forEach((item, index) =>
            fill(node.children, items[index] ?? {}, isPlainObject(item) ? item : {}, undefined, target, [
              ...indexes,
              index + 1,
            ]),
          );
        } else if (node.role === 'computed') {
          if (getAt(target, node.path) === undefined) setAt(target, node.path, null);
          expressions.push(node);
        } else {
          const value =
            raw !== undefined
              ? sanitizeLikeFormJs(node.component, raw, context)
              : before !== undefined
                ? sanitizeLikeFormJs(node.component, before, context)
                : cloneJson(initialValueOf(node.component));
          setAt(target, node.path, value);
        }
      }
    };
    place(children);
    for (const node of expressions) {
      const { expression, computeOn } = node.component;
      if (typeof expression !== 'string' || computeOn === 'presubmit') continue;
      const outcome = runExpression(stripFeelMarker(expression) ?? expression, {
        root: view,
        self: target,
        parent,
        indexes,
      });
      // A broken expression is reported where the field itself is computed; here it is just left at null.
      if (outcome.ok) setAt(target, node.path, copyOutcome(outcome.value));
    }
  };
  fill(nodes, view, submitted, context, null, []);
  return view;
}

/**
 * Evaluates what depends on this submission — hide conditions, FEEL readonly, options from variables or FEEL,
 * FEEL-valued limits, expression fields — over the data form-js would hold (see formJsView).
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
  const filled: { path: ValuePath; value: unknown }[] = [];
  const computed: { path: ValuePath; value: unknown }[] = [];
  const root = formJsView(nodes, submitted, context);

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

  const walkItems = (node: FieldNode, scope: Scope, path: ValuePath, items: readonly unknown[]): void => {
    items.forEach((item, index) => {
      if (!isPlainObject(item)) return;
      const self = getAt(root, [...path, index]) ?? {};
      const itemScope = { root, self, parent: scope.self, indexes: [...scope.indexes, index + 1] };
      walk(node.children, { ...itemScope, at: [...path, index] }, false);
    });
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
        if (Array.isArray(items)) {
          walkItems(node, scope, path, items);
        } else if (items === null || (items === undefined && !Array.isArray(getAt(context, path)))) {
          // form-js gives a list without an array its first items, and checks their fields.
          const made = defaultItems(node);
          filled.push({ path, value: made });
          walkItems(node, scope, path, made);
        }
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
        // What the read-only field shows: the context's value, else its defaultValue. form-js checks its rules
        // (required too) on that value.
        const before = getAt(context, path);
        const shown = before !== undefined ? before : node.component.defaultValue;
        const ruleErrors = isEmptyValue(shown) ? [] : checkFeelRules(node.feelRules, shown, scope);
        strips.push({ path, reason: 'readonly', shown, ruleErrors });
      } else {
        accepted.add(formatPath(path));
        let value = getAt(submitted, path);
        if (
          value === undefined &&
          node.component.defaultValue !== undefined &&
          getAt(context, path) === undefined
        ) {
          // form-js starts the field at its defaultValue and would have sent it.
          value = cloneJson(node.component.defaultValue);
          filled.push({ path, value });
        } else if (value === '' && node.component.type === 'number') {
          // form-js holds an empty number field as null.
          value = null;
          filled.push({ path, value });
        }
        if (isEmptyValue(value)) continue;
        const fieldErrors = [
          ...checkOptions(node.component, value, context, scope),
          ...checkFeelRules(node.feelRules, value, scope),
          ...checkPassedDate(node.component, value, today),
          ...checkCrossFieldRules(node.crossRules, scope),
        ];
        errors.push(...fieldErrors.map((error) => ({ ...error, field: formatPath(path) })));
      }
    }
  };

  walk(nodes, { root, self: root, parent: null, indexes: [], at: [] }, false);

  const stripped: ValuePath[] = [];
  const shownOnly: ValuePath[] = [];
  for (const strip of strips) {
    // Two components may share a key (one shown, one hidden): the visible one owns the value.
    if (accepted.has(formatPath(strip.path))) continue;
    const value = getAt(submitted, strip.path);
    const refused = refusal(strip.reason, value, strip.shown);
    if (refused) errors.push({ field: formatPath(strip.path), ...refused });
    if (strip.reason === 'readonly' && !refused) {
      filled.push({ path: strip.path, value: strip.shown });
      shownOnly.push(strip.path);
      errors.push(...(strip.ruleErrors ?? []).map((error) => ({ ...error, field: formatPath(strip.path) })));
    } else {
      stripped.push(strip.path);
    }
  }
  return { errors, stripped, filled, shownOnly, computed };
}

function refusal(
  reason: StripReason,
  value: unknown,
  shown: unknown,
): Omit<FormFieldError, 'field'> | undefined {
  if (isEmptyValue(value) || reason === 'computed') return undefined;
  if (reason === 'hidden') return { code: 'FORM_HIDDEN_FIELD', message: messagesVi.hidden };
  if (reason === 'disabled') return { code: 'FORM_DISABLED_FIELD', message: messagesVi.disabled };
  // form-js submits read-only fields with the value it was given: that is fine, a changed one is not.
  return isDeepStrictEqual(value, shown)
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
