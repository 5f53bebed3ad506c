import { Ajv, type ErrorObject, type FuncKeywordDefinition, type SchemaValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { decimalsOf, incrementMiss, isNumericString } from './number-rules.js';
import { isEmptyValue } from './value-path.js';
import { isValidFormDate, type DateSubtype } from './date-rules.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// The patterns form-js's own Validator uses, so the server accepts exactly what the browser accepts.
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
export const PHONE_PATTERN =
  /(\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\d|8[987530]\d|6[987]\d|5[90]\d|42\d|3[875]\d|2[98654321]\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\d{4,20}$/;

type Fail = Partial<ErrorObject>;

/** A keyword whose check returns the failures it found (none = valid); skipped on empty values, as form-js does. */
function keyword<S>(name: string, check: (schema: S, data: unknown) => Fail[]): FuncKeywordDefinition {
  return {
    keyword: name,
    errors: true,
    validate: function run(schema: S, data: unknown) {
      const self = run as SchemaValidateFunction;
      if (isEmptyValue(data) && name !== 'formRequired') return true;
      const failures = check(schema, data).map((failure) => ({ keyword: name, ...failure }));
      self.errors = failures;
      return failures.length === 0;
    } as SchemaValidateFunction,
  };
}

/**
 * form-js measures lengths as JavaScript does: `value.trim().length`, in UTF-16 units (an emoji counts twice; a
 * precomposed Vietnamese letter, as browsers send them, once).
 */
export const textLength = (value: string): number => value.trim().length;

export interface LengthRule {
  min?: number;
  max?: number;
}
export interface PatternRule {
  pattern: string;
  /** The form author's own message (form-js `patternErrorMessage`), shown instead of ours. */
  message?: string;
}
export interface NumberRule {
  min?: number;
  max?: number;
  decimalDigits?: number;
  increment?: number;
}

const formKeywords: FuncKeywordDefinition[] = [
  // `true`, or 'checkbox': form-js takes false for empty in a checkbox only (a radio may offer false).
  keyword<boolean | 'checkbox'>('formRequired', (required, data) =>
    required &&
    (data === null ||
      data === '' ||
      (Array.isArray(data) && data.length === 0) ||
      (required === 'checkbox' && data === false))
      ? [{ params: {} }]
      : [],
  ),
  keyword<LengthRule>('formLength', (rule, data) => {
    if (typeof data !== 'string') return [];
    const length = textLength(data);
    if (rule.min !== undefined && length < rule.min)
      return [{ params: { rule: 'minLength', limit: rule.min } }];
    if (rule.max !== undefined && length > rule.max)
      return [{ params: { rule: 'maxLength', limit: rule.max } }];
    return [];
  }),
  {
    keyword: 'formPattern',
    errors: true,
    // form-js builds `new RegExp(pattern)` without the unicode flag; ajv's `pattern` would add it and differ.
    compile(rule: PatternRule) {
      const regex = new RegExp(rule.pattern);
      const run = ((data: unknown) => {
        const ok = typeof data !== 'string' || data === '' || regex.test(data);
        run.errors = ok ? [] : [{ keyword: 'formPattern', params: { ...rule } }];
        return ok;
      }) as SchemaValidateFunction;
      return run;
    },
  },
  keyword<'email' | 'phone'>('formValidationType', (type, data) => {
    if (typeof data !== 'string') return [];
    const pattern = type === 'email' ? EMAIL_PATTERN : PHONE_PATTERN;
    return pattern.test(data) ? [] : [{ params: { validationType: type } }];
  }),
  keyword<boolean>('formNumericString', (_on, data) =>
    typeof data === 'string' && !isNumericString(data) ? [{ params: { rule: 'numeric' } }] : [],
  ),
  keyword<NumberRule>('formNumber', (rule, data) => {
    if (typeof data !== 'number' && !(typeof data === 'string' && isNumericString(data))) return [];
    const value = Number(data);
    const failures: Fail[] = [];
    if (rule.decimalDigits !== undefined && decimalsOf(data) > rule.decimalDigits) {
      failures.push({ params: { rule: 'decimalDigits', limit: rule.decimalDigits } });
    }
    if (rule.min !== undefined && value < rule.min)
      failures.push({ params: { rule: 'min', limit: rule.min } });
    if (rule.max !== undefined && value > rule.max)
      failures.push({ params: { rule: 'max', limit: rule.max } });
    const miss = rule.increment !== undefined ? incrementMiss(value, rule.increment) : undefined;
    if (miss) failures.push({ params: { rule: 'increment', previous: miss[0], next: miss[1] } });
    return failures;
  }),
  keyword<DateSubtype>('formDate', (subtype, data) =>
    typeof data === 'string' && !isValidFormDate(subtype, data) ? [{ params: { subtype } }] : [],
  ),
];

/** One ajv for every form: strict about our own schemas, all errors at once so every field gets its message. */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, useDefaults: true });
  addFormats(ajv);
  for (const definition of formKeywords) ajv.addKeyword(definition);
  return ajv;
}
