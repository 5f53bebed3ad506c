/**
 * Rules between fields, as a form declares them: form-js custom properties on the field they concern, `kiemTra` (a
 * FEEL expression, "=…", that must be true) with `kiemTraThongBao` (the Vietnamese message on that field), and more as
 * `kiemTra2` / `kiemTra2ThongBao`, … Read the same way by the server (src/app/forms/cross-field-rules.ts), which
 * enforces them, and by the browser (web/src/features/forms/rule-validator.module.ts), which says them before sending.
 */
export interface DeclaredRule {
  /** The property that declares it (`kiemTra`, `kiemTra2`, …). */
  readonly key: string;
  /** The FEEL expression without its leading "=". */
  readonly expression: string;
  readonly message: string;
}

const RULE_KEY = /^kiemTra\d*$/;

/** The rules a field's custom properties declare, and the keys written wrongly (no "=", or no message). */
export function declaredRules(properties: unknown): {
  rules: DeclaredRule[];
  broken: { key: string; missing: 'expression' | 'message' }[];
} {
  const rules: DeclaredRule[] = [];
  const broken: { key: string; missing: 'expression' | 'message' }[] = [];
  if (typeof properties !== 'object' || properties === null) return { rules, broken };
  const all = properties as Record<string, unknown>;
  for (const [key, value] of Object.entries(all)) {
    if (!RULE_KEY.test(key)) continue;
    const message = all[`${key}ThongBao`];
    if (typeof value !== 'string' || !value.startsWith('=') || value.length < 2)
      broken.push({ key, missing: 'expression' });
    else if (typeof message !== 'string' || message.trim().length === 0)
      broken.push({ key, missing: 'message' });
    else rules.push({ key, expression: value.slice(1), message: message.trim() });
  }
  return { rules, broken };
}
