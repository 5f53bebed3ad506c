/** One refused field of a submission: `field` is its key path ("members.0.name"), `message` is Vietnamese. */
export interface FormFieldError {
  field: string;
  message: string;
  code: FormErrorCode;
}

export type FormErrorCode =
  | 'FORM_REQUIRED'
  | 'FORM_TYPE'
  | 'FORM_MIN'
  | 'FORM_MAX'
  | 'FORM_MIN_LENGTH'
  | 'FORM_MAX_LENGTH'
  | 'FORM_PATTERN'
  | 'FORM_EMAIL'
  | 'FORM_PHONE'
  | 'FORM_DECIMALS'
  | 'FORM_INCREMENT'
  | 'FORM_DATE'
  | 'FORM_DATE_PASSED'
  | 'FORM_NOT_ALLOWED_VALUE'
  | 'FORM_DUPLICATE_VALUE'
  | 'FORM_MIN_ITEMS'
  | 'FORM_MAX_ITEMS'
  /** A rule between fields declared with the form (cross-field-rules.ts); the message is the form's own. */
  | 'FORM_RULE'
  | 'FORM_UNKNOWN_FIELD'
  | 'FORM_HIDDEN_FIELD'
  | 'FORM_DISABLED_FIELD'
  | 'FORM_READONLY_FIELD'
  | 'FORM_CONDITION_ERROR'
  | 'FORM_OPTIONS_ERROR'
  | 'FORM_INVALID';

/** Codes that mean the form (or the server) is at fault, not the person filling it in. */
export const SERVER_SIDE_CODES: ReadonlySet<FormErrorCode> = new Set([
  'FORM_CONDITION_ERROR',
  'FORM_OPTIONS_ERROR',
]);

export type SubmissionResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; errors: FormFieldError[] };

/** Thrown by compileForm when what it is given is not a form-js schema at all. */
export class FormSchemaError extends Error {
  readonly code = 'FORM_SCHEMA_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'FormSchemaError';
  }
}
