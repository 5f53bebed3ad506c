import { buildFieldTree, type FieldNode } from './field-tree.js';
import type { FormJsSchema } from './form-schema.types.js';
import { cloneJson, deleteAt, formatPath, getAt, setAt, type ValuePath } from './value-path.js';

/** One file picker's value in submitted data: where it is (a concrete path, list items included) and what it holds. */
export interface FileFieldValue {
  /** The error-report name of the field (`hoSo`, `nhanSu.0.hoSo`). */
  field: string;
  /** The file picker's key as written in the form (`hoSo` inside a list item too). */
  key: string;
  path: ValuePath;
  value: unknown;
}

/**
 * The key paths of a form's file pickers without list indexes (`hoSo`, `phuLuc.tep`, `nhanSu.hoSo` in a dynamic list
 * `nhanSu`): what an upload names as its field, and FileFieldValue.key.
 */
export function fileFieldKeys(form: FormJsSchema): string[] {
  const keys: string[] = [];
  const walk = (nodes: readonly FieldNode[], keyBase: ValuePath) => {
    for (const node of nodes) {
      if (node.role === 'input' && node.component.type === 'filepicker')
        keys.push(formatPath([...keyBase, ...node.path]));
      // A list's children are placed relative to its items: their key goes under the list's path.
      else if (node.role === 'list') walk(node.children, [...keyBase, ...node.path]);
      else walk(node.children, keyBase);
    }
  };
  walk(buildFieldTree(form.components).nodes, []);
  return keys;
}

/** The values of every file picker in the data, inside dynamic lists' items too. */
export function fileFieldValues(form: FormJsSchema, data: Record<string, unknown>): FileFieldValue[] {
  const found: FileFieldValue[] = [];
  const walk = (nodes: readonly FieldNode[], base: ValuePath, keyBase: ValuePath) => {
    for (const node of nodes) {
      if (node.role === 'input' && node.component.type === 'filepicker') {
        const path = [...base, ...node.path];
        const value = getAt(data, path);
        if (value !== undefined)
          found.push({ field: formatPath(path), key: formatPath([...keyBase, ...node.path]), path, value });
      } else if (node.role === 'list') {
        const items = getAt(data, [...base, ...node.path]);
        if (Array.isArray(items))
          items.forEach((_, index) =>
            walk(node.children, [...base, ...node.path, index], [...keyBase, ...node.path]),
          );
      } else if (node.role === 'group') {
        // A group's children carry its path already.
        walk(node.children, base, keyBase);
      }
    }
  };
  walk(buildFieldTree(form.components).nodes, [], []);
  return found;
}

/** A copy of the data with the values at the given paths replaced, and those at `removed` left out. */
export function withValuesAt(
  data: Record<string, unknown>,
  replacements: readonly { path: ValuePath; value: unknown }[],
  removed: readonly ValuePath[] = [],
): Record<string, unknown> {
  const copy = cloneJson(data);
  for (const { path, value } of replacements) setAt(copy, path, value);
  for (const path of removed) deleteAt(copy, path);
  return copy;
}
