import { parseExpression } from 'feelin';
import { runExpression, type ScopeInfo } from './feel-evaluator.js';
import type { FormFieldError } from './form-errors.js';
import type { FormComponent } from './form-schema.types.js';
import { messagesVi } from './messages.vi.js';
import { declaredRules } from '../../shared/cross-field-rules.js';

/**
 * A rule between fields, declared on the field it concerns with form-js's custom properties ("Custom properties" in
 * the form editor, `properties` in the schema, kept by Camunda Modeler and deployed with the form):
 *
 *     "properties": {
 *       "kiemTra": "=soDonThuDaGiaiQuyet <= soDonThuTiepNhan",
 *       "kiemTraThongBao": "Số đơn thư đã giải quyết không được lớn hơn số đơn thư đã tiếp nhận."
 *     }
 *
 * (src/shared/cross-field-rules.ts reads them, for the browser too.) The FEEL expression sees what form-js's
 * conditions see (the form's values, the task's variables, `this`, `parent` inside a dynamic list). It must be true;
 * false refuses the field with the message; null (a value it compares with is missing: the field's own checks speak
 * for that) passes. More rules on one field: `kiemTra2` with `kiemTra2ThongBao`, and so on.
 */
export interface CrossFieldRule {
  readonly expression: string;
  readonly message: string;
}

function feelSyntaxBroken(expression: string): boolean {
  let broken = false;
  try {
    parseExpression(expression, {}, undefined).iterate({
      enter: (node) => {
        if (node.type.isError) broken = true;
      },
    });
  } catch {
    broken = true;
  }
  return broken;
}

/** The component's rules, and what is wrong with how they are written (reported as the form's problems). */
export function crossFieldRulesOf(
  component: FormComponent,
  where: string,
): { rules: CrossFieldRule[]; problems: string[] } {
  const { rules: declared, broken } = declaredRules(component.properties);
  const problems = broken.map(({ key, missing }) =>
    missing === 'message'
      ? `${where}: quy tắc ${key} thiếu thông báo lỗi ${key}ThongBao`
      : `${where}: quy tắc ${key} phải là biểu thức FEEL bắt đầu bằng "=": ${String(component.properties?.[key])}`,
  );
  const rules: CrossFieldRule[] = [];
  for (const rule of declared)
    if (feelSyntaxBroken(rule.expression))
      problems.push(
        `${where}: quy tắc ${rule.key} phải là biểu thức FEEL bắt đầu bằng "=": =${rule.expression}`,
      );
    else rules.push({ expression: rule.expression, message: rule.message });
  return { rules, problems };
}

/** The field's rules over the data form-js would hold; a rule that cannot be evaluated is the form's fault (500). */
export function checkCrossFieldRules(
  rules: readonly CrossFieldRule[],
  scope: ScopeInfo,
): Omit<FormFieldError, 'field'>[] {
  return rules.flatMap((rule): Omit<FormFieldError, 'field'>[] => {
    const outcome = runExpression(rule.expression, scope);
    if (!outcome.ok)
      return [
        {
          code: 'FORM_CONDITION_ERROR',
          message: messagesVi.conditionError(`=${rule.expression}`, outcome.reason),
        },
      ];
    if (outcome.value === false) return [{ code: 'FORM_RULE', message: rule.message }];
    if (outcome.value === true || outcome.value === null || outcome.value === undefined) return [];
    return [
      {
        code: 'FORM_CONDITION_ERROR',
        message: messagesVi.conditionError(`=${rule.expression}`, 'kết quả không phải đúng/sai'),
      },
    ];
  });
}
