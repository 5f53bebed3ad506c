export { compileForm, type CompiledForm } from './form-compiler.js';
export { validateSubmission } from './submission-validator.js';
export {
  FormSchemaError,
  type FormFieldError,
  type FormErrorCode,
  type SubmissionResult,
} from './form-errors.js';
export type { FormJsSchema, FormComponent } from './form-schema.types.js';
export { formJsMessagesVi, translateFormJsMessage } from './form-js-messages.vi.js';
