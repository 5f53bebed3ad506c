import type { FormComponent } from './form-schema.types.js';
import type { JsonSchema } from './json-schema.types.js';
import {
  checkboxSchema,
  choiceSchema,
  datetimeSchema,
  fileSchema,
  multiChoiceSchema,
  numberSchema,
  textSchema,
} from './value-schemas.js';

/**
 * What a component type is to the server:
 * - input: the user types or picks a value under its key;
 * - computed: an `expression` field, whose value the server recomputes rather than trusts;
 * - group: lays out children, and nests their values under its `path` if it has one;
 * - list: a dynamic list, an array of objects at its `path`, each item holding the children's values;
 * - display: shows something and holds no value (text, image, button…).
 */
export type ComponentRole = 'input' | 'computed' | 'group' | 'list' | 'display';

export interface ComponentBehaviour {
  role: ComponentRole;
  /** For inputs: the JSON Schema of the value, empty allowed (required is added separately). */
  valueSchema?: (component: FormComponent, problems: string[]) => JsonSchema;
}

const display: ComponentBehaviour = { role: 'display' };
const input = (valueSchema: ComponentBehaviour['valueSchema']): ComponentBehaviour => ({
  role: 'input',
  valueSchema,
});

export const componentRegistry: Readonly<Record<string, ComponentBehaviour>> = {
  textfield: input(textSchema),
  textarea: input(textSchema),
  number: input(numberSchema),
  datetime: input(datetimeSchema),
  select: input(choiceSchema),
  radio: input(choiceSchema),
  checklist: input(multiChoiceSchema),
  taglist: input(multiChoiceSchema),
  checkbox: input(checkboxSchema),
  filepicker: input(fileSchema),
  expression: { role: 'computed' },
  group: { role: 'group' },
  dynamiclist: { role: 'list' },
  default: { role: 'group' },
  text: display,
  html: display,
  spacer: display,
  separator: display,
  image: display,
  button: display,
  iframe: display,
  table: display,
  documentPreview: display,
};

export function behaviourOf(type: string): ComponentBehaviour | undefined {
  return Object.hasOwn(componentRegistry, type) ? componentRegistry[type] : undefined;
}
