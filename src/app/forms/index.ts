export { compileForm, asFormJsSchema, type CompiledForm } from './form-compiler.js';
export { validateSubmission } from './submission-validator.js';
export { submissionError } from './submission-error.js';
export { fileFieldKeys, fileFieldValues, withValuesAt, type FileFieldValue } from './file-fields.js';
export {
  FormSchemaError,
  SERVER_SIDE_CODES,
  type FormFieldError,
  type FormErrorCode,
  type SubmissionResult,
} from './form-errors.js';
export type { FormJsSchema, FormComponent } from './form-schema.types.js';
export { formJsMessagesVi, translateFormJsMessage } from '../../shared/form-js-messages.vi.js';
