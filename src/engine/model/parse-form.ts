/**
 * A deployed .form resource: form-js JSON whose `id` becomes the formId that user tasks link to.
 *
 * Two strictness levels, one implementation: deployment accepts what Zeebe accepts (a JSON object with a non-blank
 * string `id`; everything else is the form editor's business), while parseForm also checks the form-js shape, for
 * checking our own forms before they are deployed.
 */
import { EngineError } from '../engine-api.js';
import type { FormModel } from './process-model.js';

function invalidForm(resourceName: string, reason: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', `Invalid form resource '${resourceName}': ${reason}`, {
    resourceName,
  });
}

function readObject(json: string, resourceName: string): Record<string, unknown> {
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
  return parsed as Record<string, unknown>;
}

function withId(form: Record<string, unknown>, json: string, resourceName: string): FormModel {
  const { id } = form;
  if (typeof id !== 'string' || id.trim() === '') throw invalidForm(resourceName, "the form has no 'id'");
  return { formId: id, schema: json, resourceName };
}

/** What deployment checks, as Zeebe does: valid JSON, an object, a non-blank `id`. */
export function parseDeployedForm(json: string, resourceName: string): FormModel {
  return withId(readObject(json, resourceName), json, resourceName);
}

/** parseDeployedForm plus the form-js shape: `components`, when present, is a list. */
export function parseForm(json: string, resourceName: string): FormModel {
  const form = readObject(json, resourceName);
  const model = withId(form, json, resourceName);
  if (form['components'] !== undefined && !Array.isArray(form['components']))
    throw invalidForm(resourceName, "'components' must be a list");
  return model;
}
