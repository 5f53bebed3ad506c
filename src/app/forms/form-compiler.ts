import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { parseUnaryTests } from 'feelin';
import { buildFieldTree, type FieldNode } from './field-tree.js';
import { FormSchemaError } from './form-errors.js';
import type { FormComponent, FormJsSchema } from './form-schema.types.js';
import { createFormAjv } from './form-keywords.js';
import { buildScopeSchema } from './json-schema-builder.js';
import type { JsonSchema } from './json-schema.types.js';
import { isPlainObject } from './value-path.js';

/** A form ready to validate submissions: built once per form version, reused for every submission. */
export interface CompiledForm {
  readonly formId: string;
  readonly hash: string;
  readonly nodes: readonly FieldNode[];
  readonly jsonSchema: JsonSchema;
  readonly validate: ValidateFunction;
  /** Defects of the form itself (unsupported component, broken FEEL, duplicate key); empty for a sound form. */
  readonly problems: readonly string[];
}

const ajv = createFormAjv();
const cache = new Map<string, CompiledForm>();
const CACHE_LIMIT = 500;

/** Checks that a value (e.g. a parsed .form file) is a form-js schema, so it can be compiled. */
export function asFormJsSchema(value: unknown): FormJsSchema {
  assertShape(value);
  return value;
}

function assertShape(schema: unknown): asserts schema is FormJsSchema {
  if (!isPlainObject(schema) || !Array.isArray(schema.components)) {
    throw new FormSchemaError('Biểu mẫu không hợp lệ: thiếu danh sách "components".');
  }
  const check = (components: unknown[], where: string): void => {
    components.forEach((component, index) => {
      if (!isPlainObject(component) || typeof component.type !== 'string') {
        throw new FormSchemaError(`Biểu mẫu không hợp lệ: thành phần ${where}${index} không có "type".`);
      }
      if (component.components !== undefined) {
        if (!Array.isArray(component.components))
          throw new FormSchemaError(`Biểu mẫu không hợp lệ: ${where}${index}.components`);
        check(component.components, `${where}${index}.`);
      }
    });
  };
  check(schema.components, '');
}

function feelProblems(components: readonly FormComponent[]): string[] {
  return components.flatMap((component) => {
    const hide = component.conditional?.hide;
    const own: string[] = [];
    if (typeof hide === 'string' && hide.startsWith('=')) {
      let broken = false;
      parseUnaryTests(hide.slice(1), {}, undefined).iterate({
        enter: (node) => {
          if (node.type.isError) broken = true;
        },
      });
      if (broken)
        own.push(
          `${component.id ?? component.key ?? component.type}: điều kiện ẩn sai cú pháp FEEL: ${hide}`,
        );
    }
    return [...own, ...feelProblems(component.components ?? [])];
  });
}

/** Compiles a form-js schema; the same form (same id and content) is compiled only once. */
export function compileForm(schema: FormJsSchema): CompiledForm {
  assertShape(schema);
  const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
  const formId = schema.id ?? 'form';
  const cacheKey = `${formId}:${hash}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  // Our own copy: the compiled form must not change if the caller later edits the object it passed.
  const components = structuredClone(schema.components);
  const tree = buildFieldTree(components);
  const problems = [...tree.problems, ...feelProblems(components)];
  const jsonSchema = buildScopeSchema(tree.nodes, problems);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(jsonSchema);
  } catch (error) {
    throw new FormSchemaError(
      `Không biên dịch được biểu mẫu ${formId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const compiled: CompiledForm = { formId, hash, nodes: tree.nodes, jsonSchema, validate, problems };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, compiled);
  return compiled;
}
