import { behaviourOf, type ComponentRole } from './component-registry.js';
import { crossFieldRulesOf, type CrossFieldRule } from './cross-field-rules.js';
import type { FormComponent } from './form-schema.types.js';
import type { JsonSchema } from './json-schema.types.js';
import { isFeelExpression } from './value-schemas.js';
import { splitKey } from './value-path.js';

/**
 * A form component placed in the data: `path` is where its value lives relative to its scope (the root, or one
 * item of the enclosing dynamic list). Groups pass their path on to their children; lists open a new scope.
 */
export interface FieldNode {
  readonly id: string;
  readonly component: FormComponent;
  readonly role: ComponentRole;
  readonly path: readonly string[];
  readonly children: readonly FieldNode[];
  /** Inputs only: the JSON Schema of the value. */
  readonly valueSchema?: JsonSchema;
  readonly required: boolean;
  /** validate properties written as FEEL, evaluated per submission. */
  readonly feelRules: readonly FeelRule[];
  /** Rules between this field and others, declared in its custom properties (cross-field-rules.ts). */
  readonly crossRules: readonly CrossFieldRule[];
}

export interface FeelRule {
  readonly rule: 'min' | 'max' | 'minLength' | 'maxLength';
  readonly expression: string;
}

export interface FieldTree {
  readonly nodes: readonly FieldNode[];
  /** What is wrong with the form itself; a form with problems still validates what it can. */
  readonly problems: readonly string[];
}

const FEEL_RULES = ['min', 'max', 'minLength', 'maxLength'] as const;

export function buildFieldTree(components: readonly FormComponent[]): FieldTree {
  const problems: string[] = [];
  let counter = 0;

  const build = (component: FormComponent, prefix: readonly string[]): FieldNode | undefined => {
    const id = component.id ?? `${component.type}_${++counter}`;
    const behaviour = behaviourOf(component.type);
    const role: ComponentRole = behaviour?.role ?? (component.key ? 'input' : 'display');
    if (!behaviour) problems.push(`${id}: loại thành phần "${component.type}" chưa được hỗ trợ ở máy chủ`);
    const feelRules = FEEL_RULES.flatMap((rule) => {
      const value = component.validate?.[rule];
      return isFeelExpression(value) ? [{ rule, expression: value.slice(1) }] : [];
    });
    const cross = crossFieldRulesOf(component, id);
    problems.push(...cross.problems);
    const base = {
      id,
      component,
      role,
      feelRules,
      crossRules: cross.rules,
      required: component.validate?.required === true,
    };

    if (role === 'group' || role === 'list') {
      const path = [...prefix, ...splitKey(component.path)];
      if (role === 'list' && splitKey(component.path).length === 0) {
        problems.push(`${id}: danh sách động thiếu "path"`);
      }
      const childPrefix = role === 'list' ? [] : path;
      const children = (component.components ?? []).flatMap((child) => build(child, childPrefix) ?? []);
      return { ...base, path, children };
    }
    if (role === 'display') return undefined;
    if (!component.key) {
      problems.push(`${id}: trường nhập liệu thiếu "key"`);
      return undefined;
    }
    const nodeProblems: string[] = [];
    const valueSchema = behaviour?.valueSchema?.(component, nodeProblems) ?? {};
    problems.push(...nodeProblems.map((problem) => `${id}: ${problem}`));
    return { ...base, path: [...prefix, ...splitKey(component.key)], children: [], valueSchema };
  };

  const nodes = components.flatMap((component) => build(component, []) ?? []);
  return { nodes, problems };
}
