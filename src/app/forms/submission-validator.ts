import { mapAjvError } from './ajv-error-mapper.js';
import type { CompiledForm } from './form-compiler.js';
import type { FormFieldError, SubmissionResult } from './form-errors.js';
import { vietnamToday } from '../../shared/vn-date.js';
import { messagesVi } from './messages.vi.js';
import { runSubmissionPass } from './submission-pass.js';
import { cloneJson, deleteAt, formatPath, isPlainObject, setAt } from './value-path.js';

const under = (field: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => field === prefix || field.startsWith(`${prefix}.`));

/**
 * One message set per field: a wrong type makes the other checks on that field noise, and so does a rule between
 * fields (FORM_RULE) on a value its own checks already refuse.
 */
function tidy(errors: FormFieldError[]): FormFieldError[] {
  const typed = new Set(errors.filter((error) => error.code === 'FORM_TYPE').map((error) => error.field));
  const refused = new Set(errors.filter((error) => error.code !== 'FORM_RULE').map((error) => error.field));
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (typed.has(error.field) && error.code !== 'FORM_TYPE') return false;
    if (error.code === 'FORM_RULE' && refused.has(error.field)) return false;
    const id = `${error.field}\u0000${error.code}\u0000${error.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Validates what a browser submitted for a form, on the server. Hidden, disabled and read-only fields are not the
 * submitter's to give: a non-empty value for them is refused, an empty one is dropped; expression fields are
 * recomputed. On success, `value` is the cleaned data to hand to the engine.
 */
export function validateSubmission(
  compiled: CompiledForm,
  data: unknown,
  context: Record<string, unknown> = {},
  /** `now` decides what "a past date" is; pass the app's clock (architecture principle 6). */
  options: { now?: Date } = {},
): SubmissionResult {
  if (!isPlainObject(data)) {
    return {
      ok: false,
      errors: [{ field: '', code: 'FORM_INVALID', message: messagesVi.invalidSubmission }],
    };
  }
  const pass = runSubmissionPass(compiled.nodes, data, context, vietnamToday(options.now ?? new Date()));
  const working = cloneJson(data);
  for (const path of pass.stripped) deleteAt(working, path);
  for (const { path, value } of pass.filled)
    if (value === undefined) deleteAt(working, path);
    else setAt(working, path, cloneJson(value));

  const strippedFields = pass.stripped.map(formatPath);
  const ajvErrors = compiled.validate(working)
    ? []
    : (compiled.validate.errors ?? [])
        .map(mapAjvError)
        .filter((error) => !under(error.field, strippedFields));
  const errors = tidy([...pass.errors, ...ajvErrors]);
  if (errors.length > 0) return { ok: false, errors };

  for (const path of pass.shownOnly) deleteAt(working, path);
  pruneAddedContainers(working, data);
  for (const { path, value } of pass.computed) setAt(working, path, value);
  return { ok: true, value: working };
}

/** ajv fills absent groups with {} (so their required fields are named); those that stayed empty are removed. */
function pruneAddedContainers(working: unknown, original: unknown): void {
  if (Array.isArray(working)) {
    working.forEach((item, index) =>
      pruneAddedContainers(item, Array.isArray(original) ? original[index] : undefined),
    );
    return;
  }
  if (!isPlainObject(working)) return;
  for (const [key, value] of Object.entries(working)) {
    const before = isPlainObject(original) ? original[key] : undefined;
    pruneAddedContainers(value, before);
    if (before === undefined && isPlainObject(value) && Object.keys(value).length === 0) delete working[key];
  }
}
