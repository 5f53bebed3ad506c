import { describe, expect, it } from 'vitest';
import { compileForm, validateSubmission, type FormComponent } from '../../../src/app/forms/index.js';
import { projectForms } from './fixture-forms.js';

/** Fields whose value sits at their key at the top level: not in a list, not under a group path, not conditional. */
function topLevelFields(components: readonly FormComponent[]): FormComponent[] {
  return components.flatMap((component) => {
    if (component.type === 'group' && !component.path) return topLevelFields(component.components ?? []);
    if (!component.key || component.conditional?.hide || component.readonly || component.disabled) return [];
    return [component];
  });
}

const cases = projectForms().flatMap(({ file, schema }) =>
  topLevelFields(schema.components).map((field) => ({ file, schema, field })),
);
const choices = cases.filter(({ field }) => ['select', 'radio'].includes(field.type) && field.values?.length);
const bounded = cases.filter(
  ({ field }) => field.type === 'number' && typeof field.validate?.min === 'number',
);

// The project's real forms, as the inbox will validate them: every static choice and every number floor is enforced.
describe.skipIf(cases.length === 0)('the project forms refuse what their fields do not allow', () => {
  it
    .skipIf(choices.length === 0)
    .each(choices.map((entry) => [`${entry.file} ${entry.field.key}`, entry] as const))(
    '%s: a value outside the options',
    (_name, { schema, field }) => {
      const result = validateSubmission(compileForm(schema), { [field.key as string]: '__khong-co__' }, {});
      const errors = result.ok ? [] : result.errors;
      expect(errors).toContainEqual({
        field: field.key,
        code: 'FORM_NOT_ALLOWED_VALUE',
        message: 'Giá trị không nằm trong danh sách cho phép.',
      });
    },
  );

  it
    .skipIf(bounded.length === 0)
    .each(bounded.map((entry) => [`${entry.file} ${entry.field.key}`, entry] as const))(
    '%s: a number below its minimum',
    (_name, { schema, field }) => {
      const min = field.validate?.min as number;
      const result = validateSubmission(compileForm(schema), { [field.key as string]: min - 1 }, {});
      const errors = result.ok ? [] : result.errors;
      expect(errors.filter((error) => error.field === field.key).map((error) => error.code)).toEqual([
        'FORM_MIN',
      ]);
    },
  );
});

/** Every field of the project's forms, at any depth (groups, dynamic lists). */
function allFields(components: readonly FormComponent[]): FormComponent[] {
  return components.flatMap((component) => [component, ...allFields(component.components ?? [])]);
}

const patterned = projectForms().flatMap(({ file, schema }) =>
  allFields(schema.components)
    .filter((field) => typeof field.validate?.pattern === 'string')
    .map((field) => ({ file, schema, field })),
);

// A clerk is never shown a regular expression: each pattern says in Vietnamese what it wants, in the browser (form-js
// shows `patternErrorMessage`) and on the server (the same text).
describe('the project forms explain their patterns', () => {
  it('has patterned fields (nhiệm kỳ, giờ họp, số ký hiệu, điện thoại)', () => {
    expect(patterned.length).toBeGreaterThanOrEqual(8);
  });

  it.each(patterned.map((entry) => [`${entry.file} ${String(entry.field.key)}`, entry] as const))(
    '%s: its own message, the same on the server',
    (_name, { schema, field }) => {
      const message = field.validate?.patternErrorMessage;
      expect(message).toMatch(/^[A-ZĐÀ-Ỹ][^^$\\[\]{}]+\.$/u);
      // The server's check, where the field's value sits at its key (nested ones: the compiler's tests).
      if (!topLevelFields(schema.components).includes(field)) return;
      const result = validateSubmission(compileForm(schema), { [field.key as string]: '§' }, {});
      const errors = result.ok ? [] : result.errors.filter((error) => error.field === field.key);
      expect(errors).toContainEqual({ field: field.key, code: 'FORM_PATTERN', message });
    },
  );
});
