import { describe, expect, it } from 'vitest';
import {
  compileForm,
  FormSchemaError,
  SERVER_SIDE_CODES,
  validateSubmission,
  type FormJsSchema,
} from '../../../src/app/forms/index.js';
import { fixtureForm, projectForms } from './fixture-forms.js';

describe('compileForm', () => {
  it.each(['all-components', 'conditional', 'nested'])('compiles the fixture %s without problems', (name) => {
    const compiled = compileForm(fixtureForm(name));
    expect(compiled.problems).toEqual([]);
    expect(compiled.formId).toBe(`fixture-${name}`);
  });

  it('closes every object of the JSON Schema to unknown keys and nests group paths', () => {
    const schema = compileForm(fixtureForm('nested')).jsonSchema as {
      additionalProperties: boolean;
      properties: Record<string, { additionalProperties?: boolean; properties?: Record<string, unknown> }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(['caNhan', 'diaChi', 'donVi', 'nguoiKy']);
    expect(schema.properties.donVi?.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.donVi?.properties ?? {}).sort()).toEqual(['lienHe', 'ten']);
  });

  it('compiles a form once per version: the same content gives the same compiled form, a change a new one', () => {
    const first = compileForm(fixtureForm('conditional'));
    expect(compileForm(fixtureForm('conditional'))).toBe(first);
    const changed = fixtureForm('conditional');
    changed.components = changed.components.slice(1);
    const second = compileForm(changed);
    expect(second).not.toBe(first);
    expect(second.hash).not.toBe(first.hash);
  });

  it('reports broken FEEL in a hide condition as a problem of the form, without throwing', () => {
    const compiled = compileForm(fixtureForm('broken-feel'));
    expect(compiled.problems.some((problem) => problem.includes('=a +* 1'))).toBe(true);
  });

  it('reports an unsupported component type, a keyless input and a list without path', () => {
    const compiled = compileForm({
      type: 'default',
      id: 'odd',
      components: [
        { type: 'fancywidget', key: 'x' },
        { type: 'textfield', id: 'nokey' },
        { type: 'dynamiclist', id: 'nopath', components: [] },
        { type: 'textfield', id: 'bad-pattern', key: 'y', validate: { pattern: '([' } },
      ],
    });
    expect(compiled.problems).toHaveLength(4);
  });

  it('refuses something that is not a form-js schema with a typed error', () => {
    expect(() => compileForm({ type: 'default' } as unknown as FormJsSchema)).toThrow(FormSchemaError);
    expect(() =>
      compileForm({ type: 'default', components: [{ key: 'a' }] } as unknown as FormJsSchema),
    ).toThrow(FormSchemaError);
  });
});

const forms = projectForms();
describe.skipIf(forms.length === 0)('the project forms (forms/*.form)', () => {
  it.each(forms.map(({ file, schema }) => [file, schema] as const))(
    '%s compiles without problems',
    (_file, schema) => {
      const compiled = compileForm(schema);
      expect(compiled.problems).toEqual([]);
      expect(compiled.validate).toBeTypeOf('function');
    },
  );

  it.each(forms.map(({ file, schema }) => [file, schema] as const))(
    '%s evaluates its conditions on an empty submission without a server-side error',
    (_file, schema) => {
      const result = validateSubmission(compileForm(schema), {}, {});
      const errors = result.ok ? [] : result.errors;
      expect(errors.filter((error) => SERVER_SIDE_CODES.has(error.code))).toEqual([]);
      expect(errors.every((error) => error.code === 'FORM_REQUIRED')).toBe(true);
    },
  );
});
