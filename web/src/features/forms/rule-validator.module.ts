import { runExpressionEvaluation } from '@bpmn-io/form-js-viewer';
import { declaredRules } from '../../../../src/shared/cross-field-rules.js';

/** The parts of form-js's (unexported) services this module uses. */
interface FieldInstance {
  id: string;
  expressionContextInfo: unknown;
}
interface ValidatorService {
  validateFieldInstance(fieldInstance: FieldInstance, value: unknown): string[];
}
interface FieldRegistry {
  get(id: string): { properties?: unknown } | undefined;
}
type ExpressionLanguage = Parameters<typeof runExpressionEvaluation>[0];

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The form's own rules between fields (custom properties `kiemTra…`, src/shared/cross-field-rules.ts), said on their
 * field before sending, as the server would refuse them: only on a value the field's own checks accept, and only
 * when the rule is false (null: something it compares with is missing). The server enforces them anyway.
 */
function RuleValidator(
  validator: ValidatorService,
  registry: FieldRegistry,
  expressionLanguage: ExpressionLanguage,
): void {
  const own = validator.validateFieldInstance.bind(validator);
  validator.validateFieldInstance = (fieldInstance, value) => {
    const errors = own(fieldInstance, value);
    if (errors.length > 0 || isEmpty(value)) return errors;
    const { rules } = declaredRules(registry.get(fieldInstance.id)?.properties);
    for (const rule of rules) {
      let outcome: unknown;
      try {
        outcome = runExpressionEvaluation(
          expressionLanguage,
          `=${rule.expression}`,
          fieldInstance.expressionContextInfo as never,
        );
      } catch {
        continue; // a rule the browser cannot evaluate is left to the server
      }
      if (outcome === false) errors.push(rule.message);
    }
    return errors;
  };
}
RuleValidator.$inject = ['validator', 'formFieldRegistry', 'expressionLanguage'];

/** A form-js (didi) module: pass it in `additionalModules`. */
export const ruleValidatorModule = {
  __init__: ['ruleValidator'],
  ruleValidator: ['type', RuleValidator],
};
