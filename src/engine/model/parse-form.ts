/** A deployed .form resource: form-js JSON whose `id` becomes the formId that user tasks link to. */
import { EngineError } from '../engine-api.js';
import type { FormModel } from './process-model.js';

function invalidForm(resourceName: string, reason: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', `Invalid form resource '${resourceName}': ${reason}`, {
    resourceName,
  });
}

export function parseForm(json: string, resourceName: string): FormModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw invalidForm(
      resourceName,
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidForm(resourceName, 'expected a JSON object (a form-js schema)');
  }
  const { id, components } = parsed as { id?: unknown; components?: unknown };
  if (typeof id !== 'string' || id.trim() === '') throw invalidForm(resourceName, "the form has no 'id'");
  if (components !== undefined && !Array.isArray(components))
    throw invalidForm(resourceName, "'components' must be a list");
  return { formId: id, schema: json, resourceName };
}
