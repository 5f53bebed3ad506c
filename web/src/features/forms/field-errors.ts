import type { FormSchema } from '../../lib/contracts.js';

interface SchemaComponent {
  id?: unknown;
  key?: unknown;
  path?: unknown;
  components?: unknown;
}

function childrenOf(component: SchemaComponent): SchemaComponent[] {
  return Array.isArray(component.components) ? (component.components as SchemaComponent[]) : [];
}

/**
 * The form-js field id of each data path ("a/b/c"): fields bind their `key` under the `path` of the groups around
 * them. The server names a refused field by that data path; form-js keeps errors by field id.
 */
export function fieldIdsByPath(schema: FormSchema): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (components: SchemaComponent[], prefix: string[]): void => {
    for (const component of components) {
      const own = typeof component.path === 'string' && component.path ? component.path.split('.') : [];
      if (typeof component.key === 'string' && typeof component.id === 'string')
        found.set([...prefix, ...component.key.split('.')].join('/'), component.id);
      visit(childrenOf(component), [...prefix, ...own]);
    }
  };
  visit(schema.components as SchemaComponent[], []);
  return found;
}

/** "/a/b" or "a.b" → "a/b" */
export function normaliseFieldPath(field: string): string {
  return field.replace(/^\/+/, '').replace(/\./g, '/');
}

/** Server field problems as form-js's error state; problems whose field is not in the form are returned apart. */
export function toFormErrors(
  schema: FormSchema,
  problems: readonly { field: string; message: string }[],
): { byFieldId: Record<string, string[]>; pathOf: Record<string, string>; unplaced: string[] } {
  const ids = fieldIdsByPath(schema);
  const byFieldId: Record<string, string[]> = {};
  const pathOf: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const path = normaliseFieldPath(problem.field);
    const id = ids.get(path);
    if (!id) {
      unplaced.push(problem.message);
      continue;
    }
    (byFieldId[id] ??= []).push(problem.message);
    pathOf[id] = path;
  }
  return { byFieldId, pathOf, unplaced };
}
