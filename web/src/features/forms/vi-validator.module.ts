import { translateFormJsMessage } from './form-js-messages.vi.js';

/** The part of form-js's (unexported) Validator service that produces messages. */
interface ValidatorService {
  validateField(field: unknown, value: unknown): string[];
  validateFieldInstance(fieldInstance: unknown, value: unknown): string[];
}

function translated(validate: (a: unknown, b: unknown) => string[]) {
  return (a: unknown, b: unknown): string[] => validate(a, b).map(translateFormJsMessage);
}

/** Wraps the form's validator at start-up, so every message it returns is Vietnamese. */
function ViValidatorMessages(validator: ValidatorService): void {
  validator.validateField = translated(validator.validateField.bind(validator));
  validator.validateFieldInstance = translated(validator.validateFieldInstance.bind(validator));
}
ViValidatorMessages.$inject = ['validator'];

/** A form-js (didi) module: pass it in `additionalModules`. */
export const viValidatorModule = {
  __init__: ['viValidatorMessages'],
  viValidatorMessages: ['type', ViValidatorMessages],
};
