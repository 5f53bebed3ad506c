/**
 * The part of the form-js schema (https://bpmn.io/form-js) that the server needs to validate a submission.
 * Properties the server does not use (layout, labels, appearance) are kept as unknown extras.
 */
export interface FormOption {
  label?: string;
  value: unknown;
}

export interface FormValidate {
  required?: boolean;
  /** Numbers, or a FEEL expression ("=…") as form-js allows for min, max, minLength and maxLength. */
  min?: number | string;
  max?: number | string;
  minLength?: number | string;
  maxLength?: number | string;
  pattern?: string;
  /** Shown instead of the generic message when the pattern does not match (written by the form's author). */
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom' | string;
  /** Our extension for dynamic lists (form-js ignores it): bounds on the number of items. */
  minItems?: number;
  maxItems?: number;
}

export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  /** Groups and dynamic lists: where their children's values live (dot-separated). */
  path?: string;
  label?: string;
  components?: FormComponent[];
  validate?: FormValidate;
  conditional?: { hide?: string };
  values?: FormOption[];
  valuesKey?: string;
  valuesExpression?: string;
  decimalDigits?: number;
  increment?: number | string;
  serializeToString?: boolean;
  subtype?: 'date' | 'time' | 'datetime';
  readonly?: boolean | string;
  /** datetime: the picker refuses days before today. */
  disallowPassedDates?: boolean;
  disabled?: boolean;
  /** The value form-js starts the field at when the data has none. */
  defaultValue?: unknown;
  isRepeating?: boolean;
  /** Dynamic lists: how many items form-js creates when the data has no list (1 if unset). */
  defaultRepetitions?: number;
  expression?: string;
  /** form-js's custom properties (strings); `kiemTra…` declare rules between fields (cross-field-rules.ts). */
  properties?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface FormJsSchema {
  type: string;
  id?: string;
  components: FormComponent[];
  schemaVersion?: number;
  [extra: string]: unknown;
}
