import { evaluate } from 'feelin';
import { camundaTaskEngine } from '../../../src/app/inbox/index.js';
import type { FormComponent } from '../../../src/app/forms/index.js';
import type { ScenarioHarness } from './scenario-harness.js';

/**
 * One piece of content a review form shows without the reviewer typing it:
 * - `field`: a read-only field bound to `binding` (the variable path), showing its value (an option's label);
 * - `table`: a form-js table whose rows `binding` (its FEEL `dataSource`) computes from the variables;
 * - `text`: a text component, its `{{ }}` templates filled in.
 */
export interface ShownContent {
  kind: 'field' | 'table' | 'text';
  binding: string;
  text: string;
}

export interface ReviewView {
  formId: string;
  variables: Record<string, unknown>;
  shown: ShownContent[];
}

type Context = Record<string, unknown>;

function feel(expression: string, context: Context): unknown {
  return evaluate(expression, context).value;
}

function valueAt(context: Context, path: readonly string[]): unknown {
  let value: unknown = context;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Context)[part];
  }
  return value;
}

function readable(value: unknown, component: FormComponent): string {
  const labelOf = (one: unknown) => component.values?.find((option) => option.value === one)?.label ?? one;
  if (Array.isArray(value)) return value.map((one) => String(labelOf(one))).join(', ');
  return String(labelOf(value));
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** What form-js would show read-only for these variables: hidden components (FEEL `conditional.hide`) left out. */
export function shownContent(
  components: readonly FormComponent[],
  context: Context,
  prefix: string[] = [],
): ShownContent[] {
  return components.flatMap((component): ShownContent[] => {
    const hide = component.conditional?.hide;
    if (hide && feel(hide.replace(/^=/, ''), context) === true) return [];
    if (component.type === 'group') {
      const path = component.path ? [...prefix, ...component.path.split('.')] : prefix;
      return shownContent(component.components ?? [], context, path);
    }
    if (component.type === 'table' && typeof component.dataSource === 'string') {
      const rows = feel(component.dataSource.replace(/^=/, ''), context);
      const columns = (component.columns ?? []) as { key: string }[];
      const text = (Array.isArray(rows) ? rows : [])
        .map((row: Context) => columns.map((column) => String(row[column.key] ?? '')).join(' | '))
        .join('\n');
      return text ? [{ kind: 'table', binding: component.dataSource, text }] : [];
    }
    if (component.type === 'text' && typeof component.text === 'string') {
      const text = component.text.replace(/\{\{(.+?)\}\}/g, (_all, expression: string) => {
        const value = feel(expression, context);
        return value === null || value === undefined ? '' : String(value);
      });
      return [{ kind: 'text', binding: component.id ?? '', text }];
    }
    if (component.readonly === true && component.key) {
      const path = [...prefix, ...component.key.split('.')];
      const value = valueAt(context, path);
      return isEmpty(value)
        ? []
        : [{ kind: 'field', binding: path.join('.'), text: readable(value, component) }];
    }
    return [];
  });
}

/**
 * The open task of `elementId` (for `group`, when per unit) as the inbox gives it to the reviewer: its linked form
 * and its variables (the app's own engine port), and what the form shows of them.
 */
export async function reviewOf(
  h: ScenarioHarness,
  processInstanceKey: string,
  elementId: string,
  group?: string,
): Promise<ReviewView & { userTaskKey: string }> {
  const task = await h.waitForTask(processInstanceKey, elementId, group);
  const engine = camundaTaskEngine(h.rest);
  const form = await engine.form(task.userTaskKey);
  if (!form) throw new Error(`${elementId} has no linked form`);
  const variables = await engine.variables(task.userTaskKey);
  const schema = form.schema as unknown as { id: string; components: FormComponent[] };
  return {
    userTaskKey: task.userTaskKey,
    formId: schema.id,
    variables,
    shown: shownContent(schema.components, variables),
  };
}

/** The content shown read-only (fields and tables, not the form's own text) that contains `text`. */
export function readOnlyShowing(view: ReviewView, text: string): ShownContent[] {
  return view.shown.filter((item) => item.kind !== 'text' && item.text.includes(text));
}

/** Everything the form shows, as one string. */
export function everythingShown(view: ReviewView): string {
  return view.shown.map((item) => item.text).join('\n');
}
