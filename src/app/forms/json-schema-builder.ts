import type { FieldNode } from './field-tree.js';
import type { JsonSchema } from './json-schema.types.js';

interface ObjectShape {
  readonly kind: 'object';
  readonly properties: Map<string, Shape>;
  readonly required: Set<string>;
}
type Shape = ObjectShape | { readonly kind: 'value'; readonly schema: JsonSchema; readonly owner: string };

const newObject = (): ObjectShape => ({ kind: 'object', properties: new Map(), required: new Set() });

/**
 * The JSON Schema of one scope (the whole submission, or one item of a dynamic list): every object closed with
 * `additionalProperties: false`, because the browser cannot add fields the form does not have.
 */
export function buildScopeSchema(nodes: readonly FieldNode[], problems: string[]): JsonSchema {
  const root = newObject();
  const place = (
    path: readonly string[],
    shape: Shape | undefined,
    required: boolean,
    owner: string,
  ): void => {
    let current = root;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      const existing = current.properties.get(segment);
      if (last && shape) {
        if (existing) {
          problems.push(`${owner}: trùng khóa "${path.join('.')}" với thành phần khác`);
          return;
        }
        current.properties.set(segment, shape);
        if (required) current.required.add(segment);
        return;
      }
      if (existing?.kind === 'value') {
        problems.push(`${owner}: khóa "${path.join('.')}" nằm dưới một trường giá trị (${existing.owner})`);
        return;
      }
      const next = existing ?? newObject();
      current.properties.set(segment, next);
      current = next;
    }
  };

  const visit = (node: FieldNode): void => {
    if (node.role === 'group') {
      place(node.path, undefined, false, node.id);
      node.children.forEach(visit);
    } else if (node.role === 'list') {
      const validate = node.component.validate ?? {};
      const minItems = validate.minItems ?? (node.required ? 1 : undefined);
      const schema: JsonSchema = {
        type: ['array', 'null'],
        items: buildScopeSchema(node.children, problems),
      };
      if (minItems !== undefined) schema.minItems = minItems;
      if (validate.maxItems !== undefined) schema.maxItems = validate.maxItems;
      place(
        node.path,
        { kind: 'value', schema, owner: node.id },
        minItems !== undefined && minItems > 0,
        node.id,
      );
    } else {
      const schema: JsonSchema = { ...(node.valueSchema ?? {}) };
      if (node.required) schema.formRequired = node.component.type === 'checkbox' ? 'checkbox' : true;
      place(node.path, { kind: 'value', schema, owner: node.id }, node.required, node.id);
    }
  };
  nodes.forEach(visit);
  return toJsonSchema(root);
}

function toJsonSchema(shape: ObjectShape): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, child] of shape.properties) {
    // Containers default to {} so that a missing group still reports its own required fields by name.
    properties[name] = child.kind === 'object' ? { ...toJsonSchema(child), default: {} } : child.schema;
  }
  const schema: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (shape.required.size > 0) schema.required = [...shape.required];
  return schema;
}
